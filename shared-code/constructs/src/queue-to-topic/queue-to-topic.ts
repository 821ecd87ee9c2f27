import { fileURLToPath } from 'node:url';
import { Construct } from '../cdktf/index.ts';
import { type ConsumeOptions, NodeFunction } from '../node-function/index.ts';
import type { ServiceQueue } from '../service-queue/index.ts';
import type { ServiceTopic } from '../service-topic/index.ts';
import { topicArnVariable } from './settings.ts';

export interface QueueToTopicProps {
  /** Usually a delay queue: messages reach the topic when their delay is over. */
  readonly source: ServiceQueue;
  readonly topic: ServiceTopic;
  /** Default: batches of 10, no window. */
  readonly consume?: ConsumeOptions;
}

/** Drains a queue into a topic with bodies and message attributes unchanged. */
export class QueueToTopic extends Construct {
  readonly function: NodeFunction;

  constructor(scope: Construct, id: string, props: QueueToTopicProps) {
    super(scope, id);
    this.function = new NodeFunction(this, 'function', {
      name: `${props.source.name}-to-${props.topic.name}`,
      entry: fileURLToPath(new URL('./handler.ts', import.meta.url)),
      description: `Forwards ${props.source.name} to ${props.topic.name}`,
      environment: { [topicArnVariable]: props.topic.topicArn },
    });
    this.function.consume(props.source, props.consume);
    props.topic.grantPublish(this.function);
  }
}
