import { describe, expect, it } from '@jest/globals';
import { Testing } from '@sec-an/constructs/cdktf';
import {
  accountRef,
  allGrantedStatements,
  onlyResourceOf,
  partitionRef,
  publishedParameters,
  referencedParameter,
  refTo,
  resourceWhere,
  type SynthesizedStack,
  starGrants,
  synthesize,
} from '@sec-an/constructs/testing';
import { testDeployment } from '../testing/synthesized.ts';
import { type DeadLettersProps, DeadLettersStack } from './dead-letters-stack.ts';

const synthesizeDeadLetters = (props: DeadLettersProps = {}): SynthesizedStack =>
  synthesize(new DeadLettersStack(Testing.app(), 'dead-letters', { ...testDeployment, ...props }));

const deadLetterBucketName = 'sec-an-test-shared-infra-dead-letters';
const accessLogBucketName = 'sec-an-test-shared-infra-access-logs';

const bucketRef = (synthesized: SynthesizedStack, name: string, attribute: string): string =>
  refTo(synthesized, 'aws_s3_bucket', attribute, (bucket) => bucket.bucket === name);

/** The one resource of `type` that configures the bucket named `name`. */
const configOf = (synthesized: SynthesizedStack, type: string, name: string): Record<string, unknown> =>
  resourceWhere(synthesized, type, (resource) => resource.bucket === bucketRef(synthesized, name, 'id'));

describe('DeadLettersStack dead-letter bucket', () => {
  it('encrypts with SSE-KMS under aws/s3', () => {
    const synthesized = synthesizeDeadLetters();
    expect(
      configOf(synthesized, 'aws_s3_bucket_server_side_encryption_configuration', deadLetterBucketName).rule,
    ).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' }, bucket_key_enabled: true },
    ]);
  });

  it('blocks public access and refuses requests without TLS', () => {
    const synthesized = synthesizeDeadLetters();
    expect(configOf(synthesized, 'aws_s3_bucket_public_access_block', deadLetterBucketName)).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    const policy = JSON.parse(
      configOf(synthesized, 'aws_s3_bucket_policy', deadLetterBucketName).policy as string,
    );
    const arn = bucketRef(synthesized, deadLetterBucketName, 'arn');
    expect(policy.Statement).toEqual([
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [arn, `${arn}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ]);
  });

  it('moves dead letters to infrequent access after 30 days and expires them after 400', () => {
    const rule = (
      configOf(synthesizeDeadLetters(), 'aws_s3_bucket_lifecycle_configuration', deadLetterBucketName)
        .rule as Record<string, unknown>[]
    )[0];
    expect(rule).toMatchObject({
      status: 'Enabled',
      expiration: [{ days: 400 }],
      transition: [{ days: 30, storage_class: 'STANDARD_IA' }],
      noncurrent_version_expiration: [{ noncurrent_days: 30 }],
      abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
    });
  });

  it('keeps dead letters as long as it is told', () => {
    const rules = configOf(
      synthesizeDeadLetters({ deadLetterExpirationDays: 90 }),
      'aws_s3_bucket_lifecycle_configuration',
      deadLetterBucketName,
    ).rule as Record<string, unknown>[];
    expect(rules[0]?.expiration).toEqual([{ days: 90 }]);
  });

  it('refuses to expire dead letters before they would move to infrequent access', () => {
    expect(() => synthesizeDeadLetters({ deadLetterExpirationDays: 20 })).toThrow('comes after expiration');
  });

  it('writes its access logs into the access-log bucket', () => {
    const synthesized = synthesizeDeadLetters();
    expect(configOf(synthesized, 'aws_s3_bucket_logging', deadLetterBucketName)).toMatchObject({
      target_bucket: bucketRef(synthesized, accessLogBucketName, 'bucket'),
    });
  });
});

describe('DeadLettersStack access-log bucket', () => {
  it('encrypts under the log key, which S3 log delivery may use', () => {
    const synthesized = synthesizeDeadLetters();
    expect(
      configOf(synthesized, 'aws_s3_bucket_server_side_encryption_configuration', accessLogBucketName).rule,
    ).toEqual([
      {
        apply_server_side_encryption_by_default: {
          sse_algorithm: 'aws:kms',
          kms_master_key_id: referencedParameter(synthesized, '/sec-an/test/shared-infra/log-key/arn'),
        },
        bucket_key_enabled: true,
      },
    ]);
  });

  it('lets S3 log delivery of this account in, and logs nowhere itself', () => {
    const synthesized = synthesizeDeadLetters();
    const policy = JSON.parse(
      configOf(synthesized, 'aws_s3_bucket_policy', accessLogBucketName).policy as string,
    );
    expect(policy.Statement).toContainEqual({
      Sid: 'AllowAccessLogDelivery',
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: ['s3:PutObject'],
      Resource: [`${bucketRef(synthesized, accessLogBucketName, 'arn')}/*`],
      Condition: { StringEquals: { 'aws:SourceAccount': accountRef } },
    });
    expect(() => configOf(synthesized, 'aws_s3_bucket_logging', accessLogBucketName)).toThrow('found 0');
  });

  it('expires access logs after a year', () => {
    const rules = configOf(
      synthesizeDeadLetters(),
      'aws_s3_bucket_lifecycle_configuration',
      accessLogBucketName,
    ).rule as Record<string, unknown>[];
    expect(rules[0]?.expiration).toEqual([{ days: 365 }]);
  });
});

describe('DeadLettersStack SNS delivery-logging role', () => {
  it('is assumed by SNS of this account', () => {
    const trust = JSON.parse(
      onlyResourceOf(synthesizeDeadLetters(), 'aws_iam_role').assume_role_policy as string,
    );
    expect(trust.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': accountRef } },
      },
    ]);
  });

  it("may create and write SNS's own log groups of this account and region, and nothing else", () => {
    const statements = allGrantedStatements(synthesizeDeadLetters());
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: [
          `arn:${partitionRef}:logs:eu-west-2:${accountRef}:log-group:sns/eu-west-2/${accountRef}/*`,
        ],
      },
    ]);
    expect(starGrants(statements)).toEqual([]);
  });
});

describe('DeadLettersStack', () => {
  it('publishes both buckets and the logging role', () => {
    const synthesized = synthesizeDeadLetters();
    expect(publishedParameters(synthesized)).toEqual({
      '/sec-an/test/shared-infra/dead-letter-bucket/name': bucketRef(
        synthesized,
        deadLetterBucketName,
        'bucket',
      ),
      '/sec-an/test/shared-infra/dead-letter-bucket/arn': bucketRef(synthesized, deadLetterBucketName, 'arn'),
      '/sec-an/test/shared-infra/access-log-bucket/name': bucketRef(
        synthesized,
        accessLogBucketName,
        'bucket',
      ),
      '/sec-an/test/shared-infra/access-log-bucket/arn': bucketRef(synthesized, accessLogBucketName, 'arn'),
      '/sec-an/test/shared-infra/sns-delivery-logging-role/arn': refTo(synthesized, 'aws_iam_role', 'arn'),
    });
  });
});
