import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  PutBucketTaggingCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier } from '../applier.ts';
import { generatedName } from '../names.ts';

const createBucket = async (bucket: string, region: string, objectLock: boolean): Promise<void> => {
  try {
    await awsClient(S3Client).send(
      new CreateBucketCommand({
        Bucket: bucket,
        // us-east-1 is the one region S3 refuses to be named in.
        ...(region === 'us-east-1'
          ? {}
          : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
        ...(objectLock ? { ObjectLockEnabledForBucket: true } : {}),
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'BucketAlreadyOwnedByYou') throw error;
  }
};

export const applyS3Bucket: Applier = async (config, context) => {
  const { region, partition } = context.environment;
  const bucket =
    config.optionalString('bucket') ?? generatedName(context.address, config.optionalString('bucket_prefix'));
  await createBucket(bucket, region, config.boolean('object_lock_enabled', false));
  const tags = context.tagsOf(config);
  if (Object.keys(tags).length > 0) {
    await awsClient(S3Client).send(
      new PutBucketTaggingCommand({
        Bucket: bucket,
        Tagging: { TagSet: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
      }),
    );
  }
  return {
    ...config.values,
    id: bucket,
    bucket,
    arn: `arn:${partition}:s3:::${bucket}`,
    region,
    bucket_domain_name: `${bucket}.s3.amazonaws.com`,
    bucket_regional_domain_name: `${bucket}.s3.${region}.amazonaws.com`,
    tags_all: tags,
  };
};
