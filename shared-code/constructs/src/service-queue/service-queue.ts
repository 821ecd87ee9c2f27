import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy/index.js';
import { Construct, Lazy } from '../cdktf/index.ts';
import { DeadLetterRecorder } from '../dead-letter-recorder/dead-letter-recorder.ts';
import type { Grantee } from '../iam/index.ts';
import { PublishedParameter } from '../parameters/index.ts';
import { ServiceStack } from '../service-stack/index.ts';
import type { ConsumableQueue, QueueConsumer } from './consumable-queue.ts';
import { ConsumedQueue } from './consumed-queue.ts';
import { defaultQueueTiming, type QueueTimingProps, validateQueueTiming } from './queue-settings.ts';

export interface ServiceQueueProps extends QueueTimingProps {
  /** Name suffix and SSM `thing`, e.g. `ingest-queue`; the physical name is `{app}-{stage}-{project}-{name}`. */
  readonly name: string;
}

/**
 * The input queue of a service: encrypted, with a dead-letter queue that the stack's dead-letter recorder
 * drains into the dead-letter bucket, and a visibility timeout that follows its consumer's timeout.
 */
export class ServiceQueue extends Construct implements ConsumableQueue {
  readonly name: string;
  readonly deadLetterQueue: ConsumedQueue;
  readonly maxReceiveCount: number;
  private readonly main: ConsumedQueue;
  private readonly allowedTopicArns: string[] = [];
  private readonly allowedTopicPatterns: string[] = [];
  private policy: SqsQueuePolicy | undefined;
  private account: string | undefined;

  constructor(scope: Construct, id: string, props: ServiceQueueProps) {
    super(scope, id);
    const errors = validateQueueTiming(props);
    if (errors.length > 0) throw new Error(`${this.node.path}: ${errors.join('; ')}`);
    const timing = { ...defaultQueueTiming, ...props };
    this.name = props.name;
    this.maxReceiveCount = timing.maxReceiveCount;
    this.deadLetterQueue = new ConsumedQueue(this, 'dead-letters', {
      name: `${props.name}-dlq`,
      retentionPeriodSeconds: timing.deadLetterRetentionPeriodSeconds,
      deliveryDelaySeconds: 0,
      defaultConsumer: {
        timeoutSeconds: defaultQueueTiming.consumerTimeoutSeconds,
        batchingWindowSeconds: 0,
      },
    });
    this.main = new ConsumedQueue(this, 'main', {
      name: props.name,
      retentionPeriodSeconds: timing.retentionPeriodSeconds,
      deliveryDelaySeconds: timing.deliveryDelaySeconds,
      defaultConsumer: {
        timeoutSeconds: timing.consumerTimeoutSeconds,
        batchingWindowSeconds: timing.consumerBatchingWindowSeconds,
      },
      redrive: { deadLetterQueueArn: this.deadLetterQueue.queueArn, maxReceiveCount: timing.maxReceiveCount },
    });
    DeadLetterRecorder.of(this).drain(this.deadLetterQueue);
  }

  get queueArn(): string {
    return this.main.queueArn;
  }

  get queueUrl(): string {
    return this.main.queueUrl;
  }

  get queueName(): string {
    return this.main.queueName;
  }

  attachConsumer(consumer: QueueConsumer): void {
    this.main.attachConsumer(consumer);
  }

  /** Receive, delete, change visibility and read attributes: what an event source mapping's role needs. */
  grantConsumeMessages(grantee: Grantee): void {
    this.main.grantConsumeMessages(grantee);
  }

  grantSendMessages(grantee: Grantee): void {
    this.main.grantSendMessages(grantee);
  }

  /** Reading the redrive policy, finding the dead-letter queue's URL and sending to it. */
  grantDeadLettering(grantee: Grantee): void {
    grantee.addToPolicy({
      actions: ['sqs:GetQueueUrl', 'sqs:SendMessage'],
      resources: [this.deadLetterQueue.queueArn],
    });
  }

  /** Lets one topic deliver into the queue; the queue policy names each topic by ARN. */
  allowTopic(topicArn: string): void {
    this.ensurePolicy();
    this.allowedTopicArns.push(topicArn);
  }

  /**
   * Lets every topic of this account whose ARN matches `arnPattern` (`*` and `?` wildcards) deliver into the
   * queue, for a queue that projects deployed later subscribe to: they add a subscription, never a change here.
   */
  allowTopicsMatching(arnPattern: string): void {
    this.ensurePolicy();
    // Read now, not while the policy renders: the account comes from a data source added to the stack.
    this.account ??= ServiceStack.of(this).accountId;
    this.allowedTopicPatterns.push(arnPattern);
  }

  publishUrl(): PublishedParameter {
    return new PublishedParameter(this, 'parameter-url', {
      thing: this.name,
      attribute: 'url',
      value: this.queueUrl,
    });
  }

  publishArn(): PublishedParameter {
    return new PublishedParameter(this, 'parameter-arn', {
      thing: this.name,
      attribute: 'arn',
      value: this.queueArn,
    });
  }

  private ensurePolicy(): void {
    this.policy ??= new SqsQueuePolicy(this, 'policy', {
      queueUrl: this.queueUrl,
      policy: Lazy.stringValue({ produce: () => this.topicDeliveryPolicy() }),
    });
  }

  private topicDeliveryPolicy(): string {
    const delivery = (sid: string, condition: Record<string, unknown>) => ({
      Sid: sid,
      Effect: 'Allow',
      Principal: { Service: 'sns.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: this.queueArn,
      Condition: condition,
    });
    return JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        ...(this.allowedTopicArns.length === 0
          ? []
          : [delivery('TopicsDeliver', { ArnEquals: { 'aws:SourceArn': [...this.allowedTopicArns] } })]),
        ...(this.allowedTopicPatterns.length === 0
          ? []
          : [
              delivery('MatchingTopicsDeliver', {
                ArnLike: { 'aws:SourceArn': [...this.allowedTopicPatterns] },
                StringEquals: { 'aws:SourceAccount': this.account },
              }),
            ]),
      ],
    });
  }
}
