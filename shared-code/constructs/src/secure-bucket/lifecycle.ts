import type { S3BucketLifecycleConfigurationRule } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js';
import { defaultLifecycle, type SecureBucketProps } from './secure-bucket-props.ts';

/** One rule over the whole bucket, so that no object escapes expiry or the clean-up of failed uploads. */
export const lifecycleRule = (props: SecureBucketProps): S3BucketLifecycleConfigurationRule => ({
  id: 'whole-bucket',
  status: 'Enabled',
  filter: [{ prefix: '' }],
  abortIncompleteMultipartUpload: [
    {
      daysAfterInitiation:
        props.abortIncompleteMultipartUploadDays ?? defaultLifecycle.abortIncompleteMultipartUploadDays,
    },
  ],
  noncurrentVersionExpiration: [
    {
      noncurrentDays:
        props.noncurrentVersionExpirationDays ?? defaultLifecycle.noncurrentVersionExpirationDays,
    },
  ],
  ...(props.expirationDays === undefined ? {} : { expiration: [{ days: props.expirationDays }] }),
  ...(props.transitions === undefined || props.transitions.length === 0
    ? {}
    : {
        transition: props.transitions.map((transition) => ({
          days: transition.days,
          storageClass: transition.storageClass,
        })),
      }),
});
