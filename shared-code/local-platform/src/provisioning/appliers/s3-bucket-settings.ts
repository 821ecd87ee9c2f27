import {
  type BucketVersioningStatus,
  type ObjectOwnership,
  PutBucketEncryptionCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
  type ServerSideEncryption,
} from '@aws-sdk/client-s3';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier } from '../applier.ts';
import type { ResourceConfig } from '../config.ts';
import { InvalidConfigurationError } from '../errors.ts';
import { policyForLoopback } from './loopback-policy.ts';

const s3 = () => awsClient(S3Client);

const required = <T>(value: T | undefined, address: string, what: string): T => {
  if (value === undefined) throw new InvalidConfigurationError(address, `${what} is missing`);
  return value;
};

export const applyS3BucketVersioning: Applier = async (config, context) => {
  const bucket = config.string('bucket');
  const versioning = required(
    config.block('versioning_configuration'),
    context.address,
    'versioning_configuration',
  );
  await s3().send(
    new PutBucketVersioningCommand({
      Bucket: bucket,
      VersioningConfiguration: { Status: versioning.string('status') as BucketVersioningStatus },
    }),
  );
  return { ...config.values, id: bucket };
};

const encryptionRule = (rule: ResourceConfig) => {
  const byDefault = rule.block('apply_server_side_encryption_by_default');
  const keyId = byDefault?.optionalString('kms_master_key_id');
  const bucketKey = rule.optionalBoolean('bucket_key_enabled');
  return {
    ...(byDefault === undefined
      ? {}
      : {
          ApplyServerSideEncryptionByDefault: {
            SSEAlgorithm: byDefault.string('sse_algorithm') as ServerSideEncryption,
            ...(keyId === undefined ? {} : { KMSMasterKeyID: keyId }),
          },
        }),
    ...(bucketKey === undefined ? {} : { BucketKeyEnabled: bucketKey }),
  };
};

export const applyS3BucketServerSideEncryption: Applier = async (config) => {
  const bucket = config.string('bucket');
  await s3().send(
    new PutBucketEncryptionCommand({
      Bucket: bucket,
      ServerSideEncryptionConfiguration: { Rules: config.blocks('rule').map(encryptionRule) },
    }),
  );
  return { ...config.values, id: bucket };
};

export const applyS3BucketPublicAccessBlock: Applier = async (config) => {
  const bucket = config.string('bucket');
  await s3().send(
    new PutPublicAccessBlockCommand({
      Bucket: bucket,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: config.boolean('block_public_acls', false),
        BlockPublicPolicy: config.boolean('block_public_policy', false),
        IgnorePublicAcls: config.boolean('ignore_public_acls', false),
        RestrictPublicBuckets: config.boolean('restrict_public_buckets', false),
      },
    }),
  );
  return { ...config.values, id: bucket };
};

export const applyS3BucketPolicy: Applier = async (config) => {
  const bucket = config.string('bucket');
  const policy = policyForLoopback(config.string('policy'));
  if (policy !== undefined) await s3().send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy }));
  return { ...config.values, id: bucket };
};

export const applyS3BucketOwnershipControls: Applier = async (config, context) => {
  const bucket = config.string('bucket');
  const rule = required(config.block('rule'), context.address, 'rule');
  await s3().send(
    new PutBucketOwnershipControlsCommand({
      Bucket: bucket,
      OwnershipControls: { Rules: [{ ObjectOwnership: rule.string('object_ownership') as ObjectOwnership }] },
    }),
  );
  return { ...config.values, id: bucket };
};
