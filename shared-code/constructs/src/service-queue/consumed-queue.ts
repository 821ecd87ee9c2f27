import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { Construct, Lazy } from '../cdktf/index.ts';
import type { Grantee } from '../iam/index.ts';
import { ServiceStack } from '../service-stack/index.ts';
import type { ConsumableQueue, QueueConsumer } from './consumable-queue.ts';
import { visibilityTimeoutFor } from './queue-settings.ts';

export interface ConsumedQueueProps {
  /** Name suffix; the physical name is `{app}-{stage}-{project}-{name}`. */
  readonly name: string;
  readonly retentionPeriodSeconds: number;
  readonly deliveryDelaySeconds: number;
  /** Used when no consumer is attached. */
  readonly defaultConsumer: QueueConsumer;
  /** Absent for a dead-letter queue, which is drained by the recorder and never redriven further. */
  readonly redrive?: { readonly deadLetterQueueArn: string; readonly maxReceiveCount: number };
}

const consumeActions = [
  'sqs:ReceiveMessage',
  'sqs:DeleteMessage',
  'sqs:ChangeMessageVisibility',
  'sqs:GetQueueAttributes',
  'sqs:GetQueueUrl',
];

/** One SQS queue, encrypted with SQS-managed keys (SNS can deliver to those, unlike the AWS-managed KMS key). */
export class ConsumedQueue extends Construct implements ConsumableQueue {
  readonly queue: SqsQueue;
  private consumer: QueueConsumer | undefined;

  constructor(scope: Construct, id: string, props: ConsumedQueueProps) {
    super(scope, id);
    const stack = ServiceStack.of(this);
    this.queue = new SqsQueue(this, 'queue', {
      name: stack.physicalName(props.name, 80),
      sqsManagedSseEnabled: true,
      messageRetentionSeconds: props.retentionPeriodSeconds,
      delaySeconds: props.deliveryDelaySeconds,
      receiveWaitTimeSeconds: 20,
      visibilityTimeoutSeconds: Lazy.numberValue({
        produce: () => {
          const consumer = this.consumer ?? props.defaultConsumer;
          return visibilityTimeoutFor(consumer.timeoutSeconds, consumer.batchingWindowSeconds);
        },
      }),
      ...(props.redrive === undefined
        ? {}
        : {
            redrivePolicy: JSON.stringify({
              deadLetterTargetArn: props.redrive.deadLetterQueueArn,
              maxReceiveCount: props.redrive.maxReceiveCount,
            }),
          }),
    });
  }

  get queueArn(): string {
    return this.queue.arn;
  }

  get queueUrl(): string {
    return this.queue.url;
  }

  get queueName(): string {
    return this.queue.name;
  }

  attachConsumer(consumer: QueueConsumer): void {
    if (this.consumer !== undefined) {
      throw new Error(`${this.node.path} already has a consumer: one queue feeds one function`);
    }
    this.consumer = consumer;
  }

  grantConsumeMessages(grantee: Grantee): void {
    grantee.addToPolicy({ actions: consumeActions, resources: [this.queueArn] });
  }

  grantSendMessages(grantee: Grantee): void {
    grantee.addToPolicy({ actions: ['sqs:SendMessage'], resources: [this.queueArn] });
  }
}
