/** One statement of a bucket's resource policy, which, unlike identity policies, names its principal. */
export interface BucketPolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal: '*' | { readonly Service: string };
  readonly Action: string | readonly string[];
  readonly Resource: readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Refuses every request that does not arrive over TLS, whoever makes it. */
export const denyInsecureTransport = (bucketArn: string): BucketPolicyStatement => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [bucketArn, `${bucketArn}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

/**
 * Lets S3 log delivery write the access logs of this account's buckets. With ACLs disabled (bucket owner
 * enforced) the bucket policy is the only way to let it in.
 */
export const allowAccessLogDelivery = (bucketArn: string, accountId: string): BucketPolicyStatement => ({
  Sid: 'AllowAccessLogDelivery',
  Effect: 'Allow',
  Principal: { Service: 'logging.s3.amazonaws.com' },
  Action: ['s3:PutObject'],
  Resource: [`${bucketArn}/*`],
  Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
});

export const bucketPolicyDocument = (statements: readonly BucketPolicyStatement[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });
