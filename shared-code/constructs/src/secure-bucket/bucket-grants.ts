import type { PolicyStatement } from '../iam/index.ts';

export interface BucketGrantTarget {
  readonly bucketArn: string;
  /** The customer managed key of the bucket, if any; `aws/s3` needs no grant. */
  readonly encryptionKeyArn: string | undefined;
  readonly region: string;
}

/** Key use only through S3 in the bucket's region, so the grant cannot decrypt anything else with the key. */
const keyStatement = (target: BucketGrantTarget, actions: readonly string[]): PolicyStatement[] =>
  target.encryptionKeyArn === undefined
    ? []
    : [
        {
          actions,
          resources: [target.encryptionKeyArn],
          conditions: { StringEquals: { 'kms:ViaService': `s3.${target.region}.amazonaws.com` } },
        },
      ];

export const readStatements = (target: BucketGrantTarget, keyPrefix: string): PolicyStatement[] => [
  { actions: ['s3:GetObject'], resources: [`${target.bucketArn}/${keyPrefix}*`] },
  {
    actions: ['s3:ListBucket'],
    resources: [target.bucketArn],
    ...(keyPrefix === '' ? {} : { conditions: { StringLike: { 's3:prefix': [`${keyPrefix}*`] } } }),
  },
  ...keyStatement(target, ['kms:Decrypt']),
];

/** Multipart uploads read their parts back, hence `kms:Decrypt` beside `kms:GenerateDataKey`. */
export const writeStatements = (target: BucketGrantTarget, keyPrefix: string): PolicyStatement[] => [
  { actions: ['s3:PutObject', 's3:AbortMultipartUpload'], resources: [`${target.bucketArn}/${keyPrefix}*`] },
  ...keyStatement(target, ['kms:GenerateDataKey', 'kms:Decrypt']),
];
