import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission/index.js';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription/index.js';
import { captureAsyncFailures } from '../async-invocation/index.ts';
import { Construct } from '../cdktf/index.ts';
import type { Grantee } from '../iam/index.ts';
import type { NodeFunction } from '../node-function/index.ts';
import { PublishedParameter, referenceParameter } from '../parameters/index.ts';
import type { ServiceQueue } from '../service-queue/index.ts';
import { ServiceStack } from '../service-stack/index.ts';
import { type FilterPolicy, type FilterPolicyScope, validateFilterPolicy } from './filter-policy.ts';

export interface ServiceTopicProps {
  /** Name suffix and SSM `thing`, e.g. `scan-request-topic`. */
  readonly name: string;
  /** Share of successful deliveries logged (0..100); failures are always logged. Default: 10. */
  readonly successLogSamplePercent?: number;
}

export interface SubscriptionOptions {
  /** Default: every message. */
  readonly filterPolicy?: FilterPolicy;
  /** Default: `MessageAttributes`, which is what sec-an's contracts put the filterable facts in. */
  readonly filterPolicyScope?: FilterPolicyScope;
  /** Deliver the message as published, without the SNS envelope. Default: true for queues. */
  readonly rawMessageDelivery?: boolean;
}

const deliveryLoggingRole = {
  project: 'shared-infra',
  thing: 'sns-delivery-logging-role',
  attribute: 'arn',
} as const;

/**
 * The output topic of a service: encrypted with the AWS-managed SNS key, delivery status to SQS and Lambda
 * logged through shared-infra's logging role, subscriptions with filter policies.
 */
export class ServiceTopic extends Construct {
  readonly name: string;
  readonly topic: SnsTopic;

  constructor(scope: Construct, id: string, props: ServiceTopicProps) {
    super(scope, id);
    const samplePercent = props.successLogSamplePercent ?? 10;
    if (!Number.isInteger(samplePercent) || samplePercent < 0 || samplePercent > 100) {
      throw new Error(`${this.node.path}: successLogSamplePercent must be an integer in 0..100`);
    }
    const stack = ServiceStack.of(this);
    const loggingRoleArn = referenceParameter(this, deliveryLoggingRole).value;
    this.name = props.name;
    this.topic = new SnsTopic(this, 'topic', {
      name: stack.physicalName(props.name, 256),
      kmsMasterKeyId: 'alias/aws/sns',
      sqsSuccessFeedbackRoleArn: loggingRoleArn,
      sqsFailureFeedbackRoleArn: loggingRoleArn,
      sqsSuccessFeedbackSampleRate: samplePercent,
      lambdaSuccessFeedbackRoleArn: loggingRoleArn,
      lambdaFailureFeedbackRoleArn: loggingRoleArn,
      lambdaSuccessFeedbackSampleRate: samplePercent,
    });
  }

  get topicArn(): string {
    return this.topic.arn;
  }

  grantPublish(grantee: Grantee): void {
    grantee.addToPolicy({ actions: ['sns:Publish'], resources: [this.topicArn] });
  }

  /** Delivers matching messages into `queue`, whose policy then admits this topic (and only named topics). */
  subscribeQueue(queue: ServiceQueue, options: SubscriptionOptions = {}): SnsTopicSubscription {
    queue.allowTopic(this.topicArn);
    return new SnsTopicSubscription(this, `subscription-${queue.name}`, {
      topicArn: this.topicArn,
      protocol: 'sqs',
      endpoint: queue.queueArn,
      rawMessageDelivery: options.rawMessageDelivery ?? true,
      ...this.filterSettings(options),
    });
  }

  /**
   * Invokes `fn` asynchronously for each matching message; its failures, after Lambda's retries, go to a queue
   * that the dead-letter recorder archives.
   */
  subscribeFunction(
    fn: NodeFunction,
    options: Omit<SubscriptionOptions, 'rawMessageDelivery'> = {},
  ): SnsTopicSubscription {
    new LambdaPermission(this, `permission-${fn.name}`, {
      action: 'lambda:InvokeFunction',
      functionName: fn.functionName,
      principal: 'sns.amazonaws.com',
      sourceArn: this.topicArn,
    });
    captureAsyncFailures(fn);
    return new SnsTopicSubscription(this, `subscription-${fn.name}`, {
      topicArn: this.topicArn,
      protocol: 'lambda',
      endpoint: fn.functionArn,
      ...this.filterSettings(options),
    });
  }

  publishArn(): PublishedParameter {
    return new PublishedParameter(this, 'parameter-arn', {
      thing: this.name,
      attribute: 'arn',
      value: this.topicArn,
    });
  }

  private filterSettings(options: SubscriptionOptions): {
    filterPolicy?: string;
    filterPolicyScope?: string;
  } {
    if (options.filterPolicy === undefined) return {};
    const errors = validateFilterPolicy(options.filterPolicy);
    if (errors.length > 0) throw new Error(`${this.node.path}: ${errors.join('; ')}`);
    return {
      filterPolicy: JSON.stringify(options.filterPolicy),
      filterPolicyScope: options.filterPolicyScope ?? 'MessageAttributes',
    };
  }
}
