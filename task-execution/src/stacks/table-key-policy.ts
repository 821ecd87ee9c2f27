/** Where the key's policy applies: the account and region of the stack that creates it. */
export interface KeyPolicyScope {
  readonly partition: string;
  readonly accountId: string;
  readonly region: string;
}

/** What DynamoDB does with a customer managed table key for its callers (DynamoDB developer guide, encryption at rest). */
const dynamoDbKeyActions = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncrypt*',
  'kms:GenerateDataKey*',
  'kms:CreateGrant',
  'kms:DescribeKey',
];

/**
 * The account administers the key through IAM; any principal of this account may have DynamoDB use it in this
 * region, and only through DynamoDB. A principal still needs the table's own permissions to read or write it, so
 * the key adds no access: it makes every use of the tables' data key a CloudTrail record of this account, and
 * lets functions and scanner parsers of other stacks write the tables with DynamoDB grants alone.
 */
export const tableKeyPolicy = ({ partition, accountId, region }: KeyPolicyScope): string =>
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
        Sid: 'DynamoDbUsesItForThisAccount',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: dynamoDbKeyActions,
        Resource: '*',
        Condition: {
          StringEquals: {
            'kms:CallerAccount': accountId,
            'kms:ViaService': `dynamodb.${region}.amazonaws.com`,
          },
        },
      },
    ],
  });
