/** Storage classes a lifecycle rule may move current objects into. */
export type TransitionStorageClass =
  | 'STANDARD_IA'
  | 'ONEZONE_IA'
  | 'INTELLIGENT_TIERING'
  | 'GLACIER_IR'
  | 'GLACIER';

export interface StorageTransition {
  readonly storageClass: TransitionStorageClass;
  /** Days after an object's creation. */
  readonly days: number;
}

export interface SecureBucketProps {
  /** Name suffix; the physical name is `{app}-{stage}-{project}-{name}`, cut to S3's 63 characters. */
  readonly name: string;
  /** Days after which current objects expire. Default: they never expire. */
  readonly expirationDays?: number;
  /** Days a version is kept once it is no longer current. Default: 30. */
  readonly noncurrentVersionExpirationDays?: number;
  /** Days after which an unfinished multipart upload is aborted and its parts deleted. Default: 7. */
  readonly abortIncompleteMultipartUploadDays?: number;
  /** Moves of current objects to cheaper storage classes. Default: none, objects stay in STANDARD. */
  readonly transitions?: readonly StorageTransition[];
  /**
   * ARN of the customer managed KMS key that encrypts the objects. Default: the AWS managed key `aws/s3`, which
   * every principal of the account may use through S3, so grants need no KMS statements.
   */
  readonly encryptionKeyArn?: string;
  /**
   * Name of the bucket that receives this bucket's S3 server access logs (under `{this bucket's name}/`).
   * Default: the access-log bucket shared-infra publishes as `access-log-bucket/name`.
   */
  readonly accessLogBucketName?: string;
  /**
   * This bucket receives the server access logs of others: S3 log delivery may write into it, and it logs
   * nowhere itself (a log bucket that logs into itself never stops). Requires `encryptionKeyArn`, because log
   * delivery cannot use `aws/s3`. Default: false.
   */
  readonly receivesAccessLogs?: boolean;
  /** Delete every object (and version) when the bucket is destroyed. Default: false. */
  readonly forceDestroy?: boolean;
}

export const defaultLifecycle = {
  noncurrentVersionExpirationDays: 30,
  abortIncompleteMultipartUploadDays: 7,
} as const;

/** S3 refuses infrequent-access transitions before an object is 30 days old. */
const minimumTransitionDays: Readonly<Record<TransitionStorageClass, number>> = {
  STANDARD_IA: 30,
  ONEZONE_IA: 30,
  INTELLIGENT_TIERING: 0,
  GLACIER_IR: 0,
  GLACIER: 0,
};

const bucketNamePattern = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;

const positiveDays = (name: string, value: number | undefined): string[] =>
  value === undefined || (Number.isInteger(value) && value >= 1)
    ? []
    : [`${name} must be a whole number ≥ 1`];

const validateTransitions = (props: SecureBucketProps): string[] =>
  (props.transitions ?? []).flatMap((transition) => {
    const errors: string[] = [];
    const minimum = minimumTransitionDays[transition.storageClass];
    if (!Number.isInteger(transition.days) || transition.days < minimum) {
      errors.push(
        `transition to ${transition.storageClass} must be after a whole number ≥ ${minimum} of days`,
      );
    }
    if (props.expirationDays !== undefined && transition.days >= props.expirationDays) {
      errors.push(
        `transition to ${transition.storageClass} after ${transition.days} days comes after expiration`,
      );
    }
    return errors;
  });

const validateAccessLogs = (props: SecureBucketProps): string[] => {
  if (props.receivesAccessLogs !== true) return [];
  return [
    ...(props.accessLogBucketName === undefined
      ? []
      : ['a bucket that receives access logs logs nowhere itself: drop accessLogBucketName']),
    ...(props.encryptionKeyArn === undefined
      ? ['a bucket that receives access logs needs encryptionKeyArn: S3 log delivery cannot use aws/s3']
      : []),
  ];
};

export const validateSecureBucketProps = (props: SecureBucketProps): string[] => [
  ...(bucketNamePattern.test(props.name)
    ? []
    : [`name "${props.name}" must be lower-case letters, digits, dashes`]),
  ...positiveDays('expirationDays', props.expirationDays),
  ...positiveDays('noncurrentVersionExpirationDays', props.noncurrentVersionExpirationDays),
  ...positiveDays('abortIncompleteMultipartUploadDays', props.abortIncompleteMultipartUploadDays),
  ...validateTransitions(props),
  ...validateAccessLogs(props),
];

/** Grants name a key prefix literally: a wildcard in it would widen the grant beyond what the caller wrote. */
export const validateKeyPrefix = (keyPrefix: string): string[] => [
  ...(/[*?]/.test(keyPrefix) ? [`key prefix "${keyPrefix}" must not contain wildcards`] : []),
  ...(keyPrefix.startsWith('/') ? [`key prefix "${keyPrefix}" must not start with "/"`] : []),
];
