import type { IConstruct } from '../cdktf/index.ts';
import type { Grantee } from '../iam/index.ts';

/** What an event source mapping needs to know of the function that drains a queue. */
export interface QueueConsumer {
  readonly timeoutSeconds: number;
  readonly batchingWindowSeconds: number;
}

/** A queue a function can drain: a service queue or a dead-letter queue. */
export interface ConsumableQueue extends IConstruct {
  readonly queueArn: string;
  readonly queueUrl: string;
  readonly queueName: string;
  grantConsumeMessages(grantee: Grantee): void;
  /**
   * Lets a consumer move a record that will never succeed to the dead-letter queue itself, with its error;
   * absent where there is no dead-letter queue.
   */
  grantDeadLettering?(grantee: Grantee): void;
  /** The queue takes its visibility timeout from its one consumer. */
  attachConsumer(consumer: QueueConsumer): void;
}
