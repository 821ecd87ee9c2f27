import { fileURLToPath } from 'node:url';
import { Construct, type IConstruct } from '../cdktf/index.ts';
import { NodeFunction } from '../node-function/node-function.ts';
import { grantReadParameter, referenceParameter } from '../parameters/index.ts';
import type { ConsumableQueue } from '../service-queue/consumable-queue.ts';
import { ServiceStack } from '../service-stack/index.ts';
import { deadLetterBucketParameter } from './handler-settings.ts';

const recorderId = 'dead-letter-recorder';

/**
 * The function that drains every dead-letter queue of its stack into the dead-letter bucket (shared-infra's),
 * one object per dead letter. A stack gets one as soon as it has a queue.
 */
export class DeadLetterRecorder extends Construct {
  readonly function: NodeFunction;

  /** The stack's recorder, created on first use. */
  static of(scope: IConstruct): DeadLetterRecorder {
    const stack = ServiceStack.of(scope);
    const existing = stack.node.tryFindChild(recorderId);
    return existing instanceof DeadLetterRecorder ? existing : new DeadLetterRecorder(stack, recorderId);
  }

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    this.function = new NodeFunction(this, 'function', {
      // Named after its stack: every stack of a project that has a queue has a recorder, and names are per project.
      name: `${ServiceStack.of(this).node.id}-dead-letter-recorder`,
      entry: fileURLToPath(new URL('./handler.ts', import.meta.url)),
      description: 'Archives dead letters into the dead-letter bucket',
    });
    const bucketArn = referenceParameter(this, { ...deadLetterBucketParameter, attribute: 'arn' }).value;
    this.function.addToPolicy({ actions: ['s3:PutObject'], resources: [`${bucketArn}/dead-letters/*`] });
    grantReadParameter(this, this.function, deadLetterBucketParameter);
  }

  /** Small batches: a dead letter is rare, and each one should reach the archive at once. */
  drain(queue: ConsumableQueue): void {
    this.function.consume(queue, { batchSize: 10, maximumConcurrency: 2 });
  }
}
