import { fileURLToPath } from 'node:url';
import type { Construct } from '@sec-an/constructs/cdktf';
import { NodeFunction } from '@sec-an/constructs/node-function';
import { QueueToTopic } from '@sec-an/constructs/queue-to-topic';
import { ServiceQueue } from '@sec-an/constructs/service-queue';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { ServiceTopic } from '@sec-an/constructs/service-topic';
import { observedQueueUrlVariable } from '../handlers/settings.ts';

export const probeProject = 'probe-service';

/** Short enough that the end-to-end test sees a refused record reach the archive within seconds. */
const maxReceiveCount = 2;

export class ProbeStack extends ServiceStack {
  constructor(scope: Construct, id: string, settings: DeploymentSettings) {
    super(scope, id, { ...settings, project: probeProject });
    const topic = new ServiceTopic(this, 'events', { name: 'events-topic' });
    topic.publishArn();
    const wanted = new ServiceQueue(this, 'wanted', {
      name: 'wanted-queue',
      maxReceiveCount,
      consumerTimeoutSeconds: 5,
    });
    topic.subscribeQueue(wanted, { filterPolicy: { kind: ['wanted'] } });
    const observed = new ServiceQueue(this, 'observed', { name: 'observed-queue' });
    observed.publishUrl();
    const observer = new NodeFunction(this, 'observer', {
      name: 'observer',
      entry: fileURLToPath(new URL('../handlers/observe.ts', import.meta.url)),
      // A refused record comes back after the visibility timeout, six times this.
      timeoutSeconds: 2,
      environment: { [observedQueueUrlVariable]: observed.queueUrl },
    });
    observer.consume(wanted, { batchSize: 10 });
    observed.grantSendMessages(observer);
    const delay = new ServiceQueue(this, 'delay', { name: 'delay-queue' });
    delay.publishUrl();
    new QueueToTopic(this, 'glue', { source: delay, topic });
  }
}
