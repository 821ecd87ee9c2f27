import type { Construct } from '@sec-an/constructs/cdktf';
import { publishParameter } from '@sec-an/constructs/parameters';
import { SecureBucket, sharedAccessLogBucketParameter } from '@sec-an/constructs/secure-bucket';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { SnsDeliveryLoggingRole } from '../dead-letters/sns-delivery-logging-role.ts';
import { logKeyArn } from '../logging/log-key.ts';
import { sharedInfraProject } from './shared-infra-project.ts';

export interface DeadLettersProps {
  /** Days a dead letter is kept. Default: 400, so that a yearly review still finds the whole past year. */
  readonly deadLetterExpirationDays?: number;
  /** Days a server access log is kept. Default: 365. */
  readonly accessLogExpirationDays?: number;
}

export type DeadLettersStackProps = DeploymentSettings & DeadLettersProps;

export const defaultDeadLetters = {
  deadLetterExpirationDays: 400,
  accessLogExpirationDays: 365,
} as const;

/** What every project writes its failures and logs to: the dead-letter bucket and SNS's delivery-logging role. */
export const deadLetterBucketThing = 'dead-letter-bucket';
export const snsDeliveryLoggingRoleThing = 'sns-delivery-logging-role';

/**
 * The dead-letter bucket every project's recorder archives into; the access-log bucket that it, and every
 * other project's bucket, writes server access logs to; and the role SNS logs delivery status through.
 */
export class DeadLettersStack extends ServiceStack {
  readonly deadLetterBucket: SecureBucket;
  readonly accessLogBucket: SecureBucket;
  readonly snsDeliveryLoggingRole: SnsDeliveryLoggingRole;

  constructor(scope: Construct, id: string, props: DeadLettersStackProps) {
    super(scope, id, { ...props, project: sharedInfraProject });
    this.accessLogBucket = new SecureBucket(this, 'access-log-bucket', {
      name: 'access-logs',
      receivesAccessLogs: true,
      encryptionKeyArn: logKeyArn(this),
      expirationDays: props.accessLogExpirationDays ?? defaultDeadLetters.accessLogExpirationDays,
    });
    this.deadLetterBucket = new SecureBucket(this, 'dead-letter-bucket', {
      name: 'dead-letters',
      expirationDays: props.deadLetterExpirationDays ?? defaultDeadLetters.deadLetterExpirationDays,
      // S3 leaves objects under 128 KB in STANDARD (infrequent access would bill them as 128 KB), so only large
      // dead letters move.
      transitions: [{ storageClass: 'STANDARD_IA', days: 30 }],
      accessLogBucketName: this.accessLogBucket.bucketName,
    });
    this.snsDeliveryLoggingRole = new SnsDeliveryLoggingRole(this, 'sns-delivery-logging');
    this.accessLogBucket.publishName(sharedAccessLogBucketParameter.thing);
    this.accessLogBucket.publishArn(sharedAccessLogBucketParameter.thing);
    this.deadLetterBucket.publishName(deadLetterBucketThing);
    this.deadLetterBucket.publishArn(deadLetterBucketThing);
    publishParameter(this, snsDeliveryLoggingRoleThing, 'arn', this.snsDeliveryLoggingRole.roleArn);
  }
}
