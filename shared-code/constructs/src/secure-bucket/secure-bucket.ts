import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js';
import { S3BucketLoggingA } from '@cdktf/provider-aws/lib/s3-bucket-logging/index.js';
import { S3BucketNotification } from '@cdktf/provider-aws/lib/s3-bucket-notification/index.js';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls/index.js';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy/index.js';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block/index.js';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning/index.js';
import { Construct } from '../cdktf/index.ts';
import type { Grantee } from '../iam/index.ts';
import { type PublishedParameter, publishParameter, referenceParameter } from '../parameters/index.ts';
import { ServiceStack } from '../service-stack/index.ts';
import { type BucketGrantTarget, readStatements, writeStatements } from './bucket-grants.ts';
import { allowAccessLogDelivery, bucketPolicyDocument, denyInsecureTransport } from './bucket-policy.ts';
import { lifecycleRule } from './lifecycle.ts';
import {
  type SecureBucketProps,
  validateKeyPrefix,
  validateSecureBucketProps,
} from './secure-bucket-props.ts';

/** Where every bucket's server access logs go unless it names another log bucket; shared-infra publishes it. */
export const sharedAccessLogBucketParameter = {
  project: 'shared-infra',
  thing: 'access-log-bucket',
  attribute: 'name',
} as const;

const maxBucketNameLength = 63;

/**
 * An S3 bucket that is private, encrypted and TLS-only whatever its use: SSE-KMS, versioning, all four public
 * access blocks, ACLs disabled, a lifecycle over the whole bucket, server access logs, and object events on
 * EventBridge.
 *
 * SSE-KMS rather than SSE-S3: objects are encrypted under a KMS key whose every use CloudTrail records and
 * whose key policy is the account's to audit. The default `aws/s3` key costs nothing and needs no grants;
 * a customer managed key (`encryptionKeyArn`) is for buckets others outside S3 must write, such as log delivery.
 */
export class SecureBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly encryptionKeyArn: string | undefined;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    const errors = validateSecureBucketProps(props);
    if (errors.length > 0) throw new Error(`${this.node.path}: ${errors.join('; ')}`);
    const stack = ServiceStack.of(this);
    this.encryptionKeyArn = props.encryptionKeyArn;
    this.bucket = new S3Bucket(this, 'bucket', {
      bucket: stack.physicalName(props.name, maxBucketNameLength),
      forceDestroy: props.forceDestroy ?? false,
    });
    const bucket = this.bucket.id;
    new S3BucketOwnershipControls(this, 'ownership', {
      bucket,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });
    const publicAccessBlock = new S3BucketPublicAccessBlock(this, 'public-access-block', {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketServerSideEncryptionConfigurationA(this, 'encryption', {
      bucket,
      rule: [
        {
          applyServerSideEncryptionByDefault: {
            sseAlgorithm: 'aws:kms',
            ...(props.encryptionKeyArn === undefined ? {} : { kmsMasterKeyId: props.encryptionKeyArn }),
          },
          // One data key per bucket instead of per object: far fewer KMS calls, same protection.
          bucketKeyEnabled: true,
        },
      ],
    });
    const versioning = new S3BucketVersioningA(this, 'versioning', {
      bucket,
      versioningConfiguration: { status: 'Enabled' },
    });
    new S3BucketLifecycleConfiguration(this, 'lifecycle', {
      bucket,
      rule: [lifecycleRule(props)],
      dependsOn: [versioning],
    });
    new S3BucketPolicy(this, 'policy', {
      bucket,
      policy: bucketPolicyDocument([
        denyInsecureTransport(this.bucket.arn),
        ...(props.receivesAccessLogs === true
          ? [allowAccessLogDelivery(this.bucket.arn, stack.accountId)]
          : []),
      ]),
      // S3 rejects a policy put while the public access block is being changed.
      dependsOn: [publicAccessBlock],
    });
    if (props.receivesAccessLogs !== true) {
      new S3BucketLoggingA(this, 'access-logs', {
        bucket,
        targetBucket:
          props.accessLogBucketName ?? referenceParameter(this, sharedAccessLogBucketParameter).value,
        targetPrefix: `${this.bucket.bucket}/`,
      });
    }
    // S3 keeps one notification configuration per bucket; EventBridge lets any number of consumers add rules
    // for this bucket's object events without touching this stack.
    new S3BucketNotification(this, 'notifications', { bucket, eventbridge: true });
  }

  get bucketName(): string {
    return this.bucket.bucket;
  }

  get bucketArn(): string {
    return this.bucket.arn;
  }

  /** Lets `grantee` read and list objects under `keyPrefix` (default: the whole bucket). */
  grantRead(grantee: Grantee, keyPrefix = ''): void {
    this.checkKeyPrefix(keyPrefix);
    for (const statement of readStatements(this.grantTarget(), keyPrefix)) grantee.addToPolicy(statement);
  }

  /** Lets `grantee` put objects under `keyPrefix` (default: the whole bucket); never delete them. */
  grantWrite(grantee: Grantee, keyPrefix = ''): void {
    this.checkKeyPrefix(keyPrefix);
    for (const statement of writeStatements(this.grantTarget(), keyPrefix)) grantee.addToPolicy(statement);
  }

  /** Publishes the bucket's name as `{thing}/name`. */
  publishName(thing: string): PublishedParameter {
    return publishParameter(this, thing, 'name', this.bucketName);
  }

  /** Publishes the bucket's ARN as `{thing}/arn`. */
  publishArn(thing: string): PublishedParameter {
    return publishParameter(this, thing, 'arn', this.bucketArn);
  }

  private grantTarget(): BucketGrantTarget {
    return {
      bucketArn: this.bucketArn,
      encryptionKeyArn: this.encryptionKeyArn,
      region: ServiceStack.of(this).region,
    };
  }

  private checkKeyPrefix(keyPrefix: string): void {
    const errors = validateKeyPrefix(keyPrefix);
    if (errors.length > 0) throw new Error(`${this.node.path}: ${errors.join('; ')}`);
  }
}
