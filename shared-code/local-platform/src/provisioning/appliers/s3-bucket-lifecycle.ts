import {
  type ExpirationStatus,
  type LifecycleRule,
  type LifecycleRuleFilter,
  PutBucketLifecycleConfigurationCommand,
  S3Client,
  type TransitionStorageClass,
} from '@aws-sdk/client-s3';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier } from '../applier.ts';
import type { ResourceConfig } from '../config.ts';

/** Drops unset fields: the SDK types are exact about optional members. */
const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;

const nonEmpty = <T>(items: T[]): T[] | undefined => (items.length === 0 ? undefined : items);

const sizeBounds = (config: ResourceConfig) =>
  defined({
    ObjectSizeGreaterThan: config.optionalNumber('object_size_greater_than'),
    ObjectSizeLessThan: config.optionalNumber('object_size_less_than'),
  });

const filterOf = (rule: ResourceConfig): LifecycleRuleFilter => {
  const filter = rule.block('filter');
  if (filter === undefined) return { Prefix: rule.optionalString('prefix') ?? '' };
  const tag = filter.block('tag');
  const and = filter.block('and');
  return defined({
    Prefix: filter.optionalString('prefix'),
    ...sizeBounds(filter),
    Tag: tag === undefined ? undefined : { Key: tag.string('key'), Value: tag.string('value') },
    And:
      and === undefined
        ? undefined
        : defined({
            Prefix: and.optionalString('prefix'),
            ...sizeBounds(and),
            Tags: Object.entries(and.stringMap('tags')).map(([Key, Value]) => ({ Key, Value })),
          }),
  });
};

const dateOf = (config: ResourceConfig): Date | undefined => {
  const date = config.optionalString('date');
  return date === undefined ? undefined : new Date(date);
};

const ruleOf = (rule: ResourceConfig): LifecycleRule => {
  const expiration = rule.block('expiration');
  const noncurrentExpiration = rule.block('noncurrent_version_expiration');
  const abort = rule.block('abort_incomplete_multipart_upload');
  return defined({
    ID: rule.optionalString('id'),
    Status: rule.string('status') as ExpirationStatus,
    Filter: filterOf(rule),
    Expiration:
      expiration === undefined
        ? undefined
        : defined({
            Date: dateOf(expiration),
            Days: expiration.optionalNumber('days'),
            ExpiredObjectDeleteMarker: expiration.optionalBoolean('expired_object_delete_marker'),
          }),
    NoncurrentVersionExpiration:
      noncurrentExpiration === undefined
        ? undefined
        : defined({
            NoncurrentDays: noncurrentExpiration.optionalNumber('noncurrent_days'),
            NewerNoncurrentVersions: noncurrentExpiration.optionalNumber('newer_noncurrent_versions'),
          }),
    AbortIncompleteMultipartUpload:
      abort === undefined
        ? undefined
        : defined({ DaysAfterInitiation: abort.optionalNumber('days_after_initiation') }),
    Transitions: nonEmpty(
      rule.blocks('transition').map((transition) =>
        defined({
          Date: dateOf(transition),
          Days: transition.optionalNumber('days'),
          StorageClass: transition.string('storage_class') as TransitionStorageClass,
        }),
      ),
    ),
    NoncurrentVersionTransitions: nonEmpty(
      rule.blocks('noncurrent_version_transition').map((transition) =>
        defined({
          NoncurrentDays: transition.optionalNumber('noncurrent_days'),
          NewerNoncurrentVersions: transition.optionalNumber('newer_noncurrent_versions'),
          StorageClass: transition.string('storage_class') as TransitionStorageClass,
        }),
      ),
    ),
  });
};

export const applyS3BucketLifecycleConfiguration: Applier = async (config) => {
  const bucket = config.string('bucket');
  await awsClient(S3Client).send(
    new PutBucketLifecycleConfigurationCommand({
      Bucket: bucket,
      LifecycleConfiguration: { Rules: config.blocks('rule').map(ruleOf) },
    }),
  );
  return { ...config.values, id: bucket };
};
