import { fileURLToPath } from 'node:url';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule/index.js';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target/index.js';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy/index.js';
import type { Construct } from '@sec-an/constructs/cdktf';
import { deadLetterBucketParameter } from '@sec-an/constructs/dead-letter-recorder';
import { NodeFunction } from '@sec-an/constructs/node-function';
import { grantReadParameter, referenceParameter } from '@sec-an/constructs/parameters';
import { ServiceQueue } from '@sec-an/constructs/service-queue';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { deadLetterIndex } from '@sec-an/contracts/search-index';
import { searchEndpointParameter } from '@sec-an/runtime/opensearch';

/** The key prefix under which the recorder archives every dead letter. */
export const deadLetterArchivePrefix = 'dead-letters/';

/** The search domain's ARN, which the domain's stack publishes; the reporter is granted writes to one index in it. */
export const searchDomainArnParameter = {
  project: 'analytics-platform',
  thing: 'search-domain',
  attribute: 'arn',
} as const;

/** The S3 events EventBridge receives for objects created under `prefix` of one bucket. */
export const objectCreatedPattern = (bucketName: string, prefix: string) => ({
  source: ['aws.s3'],
  'detail-type': ['Object Created'],
  detail: { bucket: { name: [bucketName] }, object: { key: [{ prefix }] } },
});

/**
 * The dead-letter reporter: every object the recorders archive in shared-infra's dead-letter bucket becomes a
 * document of the `dead-letters` index. The bucket sends its object events to EventBridge (SecureBucket), so a
 * rule here selects them without a change to shared-infra, into a queue of the reporter's own.
 */
export class DeadLetterReportStack extends ServiceStack {
  readonly queue: ServiceQueue;
  readonly rule: CloudwatchEventRule;
  readonly reporter: NodeFunction;

  constructor(scope: Construct, id: string, props: DeploymentSettings) {
    super(scope, id, { ...props, project: 'analytics-platform' });
    const bucketName = referenceParameter(this, deadLetterBucketParameter).value;
    const bucketArn = referenceParameter(this, { ...deadLetterBucketParameter, attribute: 'arn' }).value;
    const domainArn = referenceParameter(this, searchDomainArnParameter).value;

    this.queue = new ServiceQueue(this, 'queue', { name: 'dead-letter-report-queue' });
    this.rule = new CloudwatchEventRule(this, 'archived', {
      name: this.physicalName('dead-letter-archived', 64),
      description: 'Dead letters archived in the dead-letter bucket, for the reporter',
      eventPattern: JSON.stringify(objectCreatedPattern(bucketName, deadLetterArchivePrefix)),
    });
    new CloudwatchEventTarget(this, 'archived-to-queue', {
      rule: this.rule.name,
      targetId: 'dead-letter-report-queue',
      arn: this.queue.queueArn,
    });
    new SqsQueuePolicy(this, 'queue-policy', {
      queueUrl: this.queue.queueUrl,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'ArchiveEventsDeliver',
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: this.queue.queueArn,
            Condition: { ArnEquals: { 'aws:SourceArn': this.rule.arn } },
          },
        ],
      }),
    });

    this.reporter = new NodeFunction(this, 'reporter', {
      name: 'dead-letter-report',
      entry: fileURLToPath(new URL('../handlers/dead-letter-report.ts', import.meta.url)),
      description: 'Indexes every archived dead letter into the dead-letters index',
    });
    // Dead letters are rare and each is one small write: two pollers spare the store a burst of them.
    this.reporter.consume(this.queue, { batchSize: 10, maximumConcurrency: 2 });
    // While the store is unreachable, an event goes back on this queue with a delay instead of spending receives.
    this.queue.grantSendMessages(this.reporter);
    this.reporter.addToPolicy({
      actions: ['s3:GetObject'],
      resources: [`${bucketArn}/${deadLetterArchivePrefix}*`],
    });
    // One document write (PUT /<index>/_doc/<id>) is all the reporter asks of the store.
    this.reporter.addToPolicy({
      actions: ['es:ESHttpPut'],
      resources: [`${domainArn}/${deadLetterIndex}/_doc/*`],
    });
    grantReadParameter(this, this.reporter, searchEndpointParameter);
  }
}
