import type { Construct } from '@sec-an/constructs/cdktf';
import { QueueToTopic } from '@sec-an/constructs/queue-to-topic';
import { ServiceQueue } from '@sec-an/constructs/service-queue';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { ServiceTopic } from '@sec-an/constructs/service-topic';
import { delayQueueUrlParameter, scanRequestTopicArnParameter } from './published-parameters.ts';
import { taskExecutionProject } from './task-execution-project.ts';

export type ScanRequestsStackProps = DeploymentSettings;

/**
 * Where scan requests go out: the scan-request topic every primary scanner subscribes to, and the delay queue in
 * front of it. The initiator sends each due scan to the queue with the delay left until its planned time; the glue
 * forwards it to the topic, body and attributes unchanged, once the delay is over.
 */
export class ScanRequestsStack extends ServiceStack {
  readonly topic: ServiceTopic;
  readonly delayQueue: ServiceQueue;
  readonly glue: QueueToTopic;

  constructor(scope: Construct, id: string, props: ScanRequestsStackProps) {
    super(scope, id, { ...props, project: taskExecutionProject });
    this.topic = new ServiceTopic(this, 'scan-request-topic', { name: scanRequestTopicArnParameter.thing });
    this.delayQueue = new ServiceQueue(this, 'delay-queue', { name: delayQueueUrlParameter.thing });
    this.glue = new QueueToTopic(this, 'delay-to-topic', { source: this.delayQueue, topic: this.topic });
    this.topic.publishArn();
    this.delayQueue.publishUrl();
    this.delayQueue.publishArn();
  }
}
