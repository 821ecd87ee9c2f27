import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { scanRequestV1 } from '@sec-an/contracts/scan-request';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { openSearchClient } from '@sec-an/runtime/opensearch';
import { parameterName, readParameter } from '@sec-an/runtime/parameters';
import { publishMessages, readMessage } from '@sec-an/runtime/sns';
import { sqsHandler } from '@sec-an/runtime/sqs-handler';
import { createTopic, subscribedQueue } from '@sec-an/testing/messaging';
import { pollQueueOnce } from '../event-sources/index.ts';
import { smokeScanRequests } from './scan-requests.ts';

export interface SmokeReport {
  readonly parameter: string;
  readonly published: number;
  /** Messages each subscription received: all of them, and only those its filter policy selects. */
  readonly delivered: { readonly unfiltered: number; readonly onDemandOnly: number };
  readonly indexed: number;
  /** OpenSearch's terms aggregation over what the handler indexed. */
  readonly indexedByOrigin: Readonly<Record<string, number>>;
}

const index = 'sec-an-smoke-scan-requests';
const topicParameter = { project: 'task-execution', thing: 'scan-request-topic', attribute: 'arn' };

/** Drains a queue through the handler, as an event source mapping would, until it stays empty. */
const drain = async (queueUrl: string, handler: ReturnType<typeof sqsHandler>): Promise<number> => {
  let handled = 0;
  for (let emptyPolls = 0; emptyPolls < 2; ) {
    const result = await pollQueueOnce({ queueUrl, handler, waitTimeSeconds: 1 });
    if (result.kind === 'threw') throw result.error;
    if (result.kind === 'empty') emptyPolls += 1;
    else handled += result.deletedMessageIds.length;
  }
  return handled;
};

/**
 * Mapped explicitly, as every sec-an index is: dynamic mapping would make `origin` text, which cannot aggregate.
 * Recreated on every run, because the command line's node keeps its data between runs.
 */
const createIndex = async (endpoint: string): Promise<void> => {
  const client = openSearchClient({ endpoint });
  await client.indices.delete({ index, ignore_unavailable: true });
  await client.indices.create({
    index,
    body: {
      mappings: {
        dynamic: 'strict',
        properties: {
          contract: { type: 'keyword' },
          version: { type: 'integer' },
          requestId: { type: 'keyword' },
          target: { properties: { address: { type: 'ip' }, hosts: { type: 'keyword' } } },
          origin: { type: 'keyword' },
          requestedAt: { type: 'date' },
        },
      },
    },
  });
};

const countByOrigin = async (endpoint: string): Promise<Record<string, number>> => {
  const client = openSearchClient({ endpoint });
  await client.indices.refresh({ index });
  const response = await client.search({
    index,
    // The client's typings omit `field` on terms aggregations, which the engine requires.
    body: { size: 0, aggs: { origins: { terms: { field: 'origin' } } } } as never,
  });
  const buckets = (
    response.body.aggregations as { origins: { buckets: { key: string; doc_count: number }[] } }
  ).origins.buckets;
  return Object.fromEntries(buckets.map((bucket) => [bucket.key, bucket.doc_count]));
};

/**
 * Shows that the backends carry the platform's messaging end to end: a producer publishes its topic in SSM, a
 * consumer finds it there, scan requests fan out through SNS filter policies to SQS, a middy handler consumes
 * them through the local event source, and OpenSearch indexes, searches and aggregates the result.
 */
export const runSmokeFlow = async (openSearchEndpoint: string): Promise<SmokeReport> => {
  const topicArn = await createTopic('sec-an-local-smoke-scan-requests');
  const parameter = parameterName(topicParameter);
  await awsClient(SSMClient).send(
    new PutParameterCommand({ Name: parameter, Value: topicArn, Type: 'String', Overwrite: true }),
  );
  const unfiltered = await subscribedQueue(topicArn, 'sec-an-local-smoke-all', { raw: true });
  const onDemandOnly = await subscribedQueue(topicArn, 'sec-an-local-smoke-on-demand', {
    raw: false,
    filterPolicy: { origin: ['on-demand'] },
  });

  const requests = smokeScanRequests(6, 2);
  await publishMessages(await readParameter(topicParameter), scanRequestV1, requests);

  await createIndex(openSearchEndpoint);
  const client = openSearchClient({ endpoint: openSearchEndpoint });
  const handler = sqsHandler({
    serviceName: 'smoke-flow',
    recordHandler: async (record) => {
      const { message } = await readMessage(scanRequestV1, record);
      await client.index({ index, id: message.requestId, body: message });
    },
  });
  const delivered = {
    unfiltered: await drain(unfiltered, handler),
    onDemandOnly: await drain(onDemandOnly, handler),
  };
  const indexedByOrigin = await countByOrigin(openSearchEndpoint);
  return {
    parameter,
    published: requests.length,
    delivered,
    indexed: Object.values(indexedByOrigin).reduce((sum, count) => sum + count, 0),
    indexedByOrigin,
  };
};
