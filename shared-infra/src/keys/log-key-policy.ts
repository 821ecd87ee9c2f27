/** Where the key's policy applies: the account and region of the stack that creates it. */
export interface KeyPolicyScope {
  readonly partition: string;
  readonly accountId: string;
  readonly region: string;
}

/** What CloudWatch Logs does with a log group's key (CloudWatch Logs user guide, "Encrypt log data"). */
const logsKeyActions = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:DescribeKey',
];

/**
 * The account administers the key through IAM (without this statement only the key policy could ever change
 * it); CloudWatch Logs may use it for this account's log groups in this region only; S3 log delivery may
 * encrypt the access logs of this account's buckets.
 */
export const logKeyPolicy = ({ partition, accountId, region }: KeyPolicyScope): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AccountAdministersThroughIam',
        Effect: 'Allow',
        Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
      {
        Sid: 'CloudWatchLogsEncryptsThisAccountsLogGroups',
        Effect: 'Allow',
        Principal: { Service: `logs.${region}.amazonaws.com` },
        Action: logsKeyActions,
        Resource: '*',
        Condition: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${partition}:logs:${region}:${accountId}:log-group:*`,
          },
        },
      },
      {
        Sid: 'S3LogDeliveryEncryptsThisAccountsAccessLogs',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: ['kms:GenerateDataKey'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
      },
    ],
  });
