import { describe, expect, it } from '@jest/globals';
import { ServiceRole, validateStatement } from '../iam/index.ts';
import {
  onlyResourceOf,
  resourcesOf,
  type SynthesizedStack,
  synthesize,
  testStack,
} from '../testing/index.ts';
import { SecureBucket } from './secure-bucket.ts';
import type { SecureBucketProps } from './secure-bucket-props.ts';

const synthesizeBucket = (props: Partial<SecureBucketProps> = {}): SynthesizedStack => {
  const stack = testStack();
  new SecureBucket(stack, 'bucket', { name: 'archive', ...props });
  return synthesize(stack);
};

/** How the synthesized stack refers to the bucket, e.g. `${aws_s3_bucket.bucket_bucket_1234}`. */
const bucketRefIn = (synthesized: SynthesizedStack): string =>
  `\${aws_s3_bucket.${Object.keys(resourcesOf(synthesized, 'aws_s3_bucket'))[0]}`;

const policyOf = (synthesized: SynthesizedStack): { Statement: unknown[] } =>
  JSON.parse(onlyResourceOf(synthesized, 'aws_s3_bucket_policy').policy as string);

describe('SecureBucket', () => {
  it('is named after the stack and kept on destroy unless asked', () => {
    expect(onlyResourceOf(synthesizeBucket(), 'aws_s3_bucket')).toEqual({
      bucket: 'sec-an-test-test-project-archive',
      force_destroy: false,
    });
    expect(onlyResourceOf(synthesizeBucket({ forceDestroy: true }), 'aws_s3_bucket').force_destroy).toBe(
      true,
    );
  });

  it('cuts its name to the 63 characters S3 allows', () => {
    const bucket = onlyResourceOf(synthesizeBucket({ name: 'a'.repeat(80) }), 'aws_s3_bucket');
    expect(bucket.bucket).toHaveLength(63);
  });

  it('encrypts with SSE-KMS under aws/s3 and a bucket key by default', () => {
    expect(
      onlyResourceOf(synthesizeBucket(), 'aws_s3_bucket_server_side_encryption_configuration').rule,
    ).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' }, bucket_key_enabled: true },
    ]);
  });

  it('encrypts under the customer managed key it is given', () => {
    const keyArn = 'arn:aws:kms:eu-west-2:123456789012:key/logs';
    const encryption = onlyResourceOf(
      synthesizeBucket({ encryptionKeyArn: keyArn }),
      'aws_s3_bucket_server_side_encryption_configuration',
    );
    expect(encryption.rule).toEqual([
      {
        apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: keyArn },
        bucket_key_enabled: true,
      },
    ]);
  });

  it('blocks every kind of public access and disables ACLs', () => {
    const synthesized = synthesizeBucket();
    expect(onlyResourceOf(synthesized, 'aws_s3_bucket_public_access_block')).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(onlyResourceOf(synthesized, 'aws_s3_bucket_ownership_controls').rule).toEqual({
      object_ownership: 'BucketOwnerEnforced',
    });
  });

  it('keeps versions', () => {
    expect(onlyResourceOf(synthesizeBucket(), 'aws_s3_bucket_versioning').versioning_configuration).toEqual({
      status: 'Enabled',
    });
  });

  it('refuses every request that does not use TLS', () => {
    const synthesized = synthesizeBucket();
    const bucketRef = bucketRefIn(synthesized);
    expect(policyOf(synthesized)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [`${bucketRef}.arn}`, `${bucketRef}.arn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    });
  });

  it('keeps noncurrent versions 30 days and aborts failed uploads after 7 by default, expiring nothing', () => {
    expect(onlyResourceOf(synthesizeBucket(), 'aws_s3_bucket_lifecycle_configuration').rule).toEqual([
      {
        id: 'whole-bucket',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
        noncurrent_version_expiration: [{ noncurrent_days: 30 }],
      },
    ]);
  });

  it('expires, transitions and cleans up as configured', () => {
    const lifecycle = onlyResourceOf(
      synthesizeBucket({
        expirationDays: 400,
        noncurrentVersionExpirationDays: 10,
        abortIncompleteMultipartUploadDays: 2,
        transitions: [{ storageClass: 'STANDARD_IA', days: 30 }],
      }),
      'aws_s3_bucket_lifecycle_configuration',
    );
    expect(lifecycle.rule).toEqual([
      {
        id: 'whole-bucket',
        status: 'Enabled',
        filter: [{ prefix: '' }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 2 }],
        noncurrent_version_expiration: [{ noncurrent_days: 10 }],
        expiration: [{ days: 400 }],
        transition: [{ days: 30, storage_class: 'STANDARD_IA' }],
      },
    ]);
  });

  it('logs access into the access-log bucket shared-infra publishes by default', () => {
    const synthesized = synthesizeBucket();
    const bucketRef = bucketRefIn(synthesized);
    const [[dataId, data]] = Object.entries(synthesized.data?.aws_ssm_parameter ?? {}) as [
      [string, Record<string, unknown>],
    ];
    expect(data.name).toBe('/sec-an/test/shared-infra/access-log-bucket/name');
    expect(onlyResourceOf(synthesized, 'aws_s3_bucket_logging')).toEqual({
      bucket: `${bucketRef}.id}`,
      target_bucket: `\${data.aws_ssm_parameter.${dataId}.value}`,
      target_prefix: `${bucketRef}.bucket}/`,
    });
  });

  it('logs access into the log bucket it is given', () => {
    const logging = onlyResourceOf(
      synthesizeBucket({ accessLogBucketName: 'logs' }),
      'aws_s3_bucket_logging',
    );
    expect(logging.target_bucket).toBe('logs');
  });

  it('as the access-log bucket, lets log delivery of its own account in and logs nowhere itself', () => {
    const synthesized = synthesizeBucket({ receivesAccessLogs: true, encryptionKeyArn: 'key' });
    const bucketRef = bucketRefIn(synthesized);
    expect(resourcesOf(synthesized, 'aws_s3_bucket_logging')).toEqual({});
    expect(policyOf(synthesized).Statement).toContainEqual({
      Sid: 'AllowAccessLogDelivery',
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: ['s3:PutObject'],
      Resource: [`${bucketRef}.arn}/*`],
      Condition: {
        StringEquals: { 'aws:SourceAccount': `\${data.aws_caller_identity.caller-identity.account_id}` },
      },
    });
  });

  it('sends object events to EventBridge', () => {
    const synthesized = synthesizeBucket();
    const bucketRef = bucketRefIn(synthesized);
    expect(onlyResourceOf(synthesized, 'aws_s3_bucket_notification')).toEqual({
      bucket: `${bucketRef}.id}`,
      eventbridge: true,
    });
  });

  it('publishes its name and ARN under the thing it is given', () => {
    const stack = testStack();
    const bucket = new SecureBucket(stack, 'bucket', { name: 'archive' });
    bucket.publishName('archive-bucket');
    bucket.publishArn('archive-bucket');
    const synthesized = synthesize(stack);
    const bucketRef = bucketRefIn(synthesized);
    const parameters = Object.values(resourcesOf(synthesized, 'aws_ssm_parameter'));
    expect(parameters.map(({ name, value }) => ({ name, value }))).toEqual([
      { name: '/sec-an/test/test-project/archive-bucket/arn', value: `${bucketRef}.arn}` },
      { name: '/sec-an/test/test-project/archive-bucket/name', value: `${bucketRef}.bucket}` },
    ]);
  });

  it.each<[string, Partial<SecureBucketProps>, string]>([
    ['a name S3 refuses', { name: 'Archive_1' }, 'name "Archive_1" must be lower-case'],
    ['zero expiration days', { expirationDays: 0 }, 'expirationDays must be a whole number'],
    [
      'fractional noncurrent days',
      { noncurrentVersionExpirationDays: 1.5 },
      'noncurrentVersionExpirationDays',
    ],
    ['an early infrequent-access move', { transitions: [{ storageClass: 'STANDARD_IA', days: 10 }] }, '≥ 30'],
    [
      'a transition after expiry',
      { expirationDays: 60, transitions: [{ storageClass: 'GLACIER', days: 90 }] },
      'comes after expiration',
    ],
    ['an access-log bucket under aws/s3', { receivesAccessLogs: true }, 'needs encryptionKeyArn'],
    [
      'an access-log bucket that logs',
      { receivesAccessLogs: true, encryptionKeyArn: 'key', accessLogBucketName: 'logs' },
      'logs nowhere itself',
    ],
  ])('refuses %s', (_, props, message) => {
    expect(() => synthesizeBucket(props)).toThrow(message);
  });
});

describe('SecureBucket grants', () => {
  /** The statements a role was granted by `grant`, as the synthesized policy states them. */
  const granted = (
    grant: (bucket: SecureBucket, role: ServiceRole) => void,
    props: Partial<SecureBucketProps> = {},
  ): { bucketRef: string; statements: unknown[] } => {
    const stack = testStack();
    const bucket = new SecureBucket(stack, 'bucket', { name: 'archive', ...props });
    const role = new ServiceRole(stack, 'grantee', { name: 'grantee', assumedBy: 'lambda.amazonaws.com' });
    grant(bucket, role);
    expect(role.grantedStatements.flatMap(validateStatement)).toEqual([]);
    const synthesized = synthesize(stack);
    const policy = JSON.parse(onlyResourceOf(synthesized, 'aws_iam_role_policy').policy as string);
    return { bucketRef: bucketRefIn(synthesized), statements: policy.Statement };
  };

  it('reads objects and lists keys under a prefix only', () => {
    const { bucketRef, statements } = granted((bucket, role) => bucket.grantRead(role, 'reports/'));
    expect(statements).toEqual([
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [`${bucketRef}.arn}/reports/*`] },
      {
        Effect: 'Allow',
        Action: ['s3:ListBucket'],
        Resource: [`${bucketRef}.arn}`],
        Condition: { StringLike: { 's3:prefix': ['reports/*'] } },
      },
    ]);
  });

  it('reads the whole bucket without a prefix', () => {
    const { bucketRef, statements } = granted((bucket, role) => bucket.grantRead(role));
    expect(statements).toEqual([
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [`${bucketRef}.arn}/*`] },
      { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [`${bucketRef}.arn}`] },
    ]);
  });

  it('writes objects under a prefix and never deletes', () => {
    const { bucketRef, statements } = granted((bucket, role) => bucket.grantWrite(role, 'dead-letters/'));
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['s3:PutObject', 's3:AbortMultipartUpload'],
        Resource: [`${bucketRef}.arn}/dead-letters/*`],
      },
    ]);
  });

  it('adds the use of a customer managed key, through S3 only', () => {
    const keyArn = 'arn:aws:kms:eu-west-2:123456789012:key/logs';
    const viaS3 = { StringEquals: { 'kms:ViaService': 's3.eu-west-2.amazonaws.com' } };
    const { statements } = granted(
      (bucket, role) => {
        bucket.grantRead(role);
        bucket.grantWrite(role);
      },
      { encryptionKeyArn: keyArn },
    );
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['kms:Decrypt'],
      Resource: [keyArn],
      Condition: viaS3,
    });
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
      Resource: [keyArn],
      Condition: viaS3,
    });
  });

  it.each(['reports/*', '/reports/'])('refuses the key prefix %s', (keyPrefix) => {
    const stack = testStack();
    const bucket = new SecureBucket(stack, 'bucket', { name: 'archive' });
    const role = new ServiceRole(stack, 'grantee', { name: 'grantee', assumedBy: 'lambda.amazonaws.com' });
    expect(() => bucket.grantRead(role, keyPrefix)).toThrow(`key prefix "${keyPrefix}"`);
  });
});
