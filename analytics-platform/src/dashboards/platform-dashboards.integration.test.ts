import { randomUUID } from 'node:crypto';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { MessageAttributeValue } from '@aws-sdk/client-sqs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { archiveKey, deadLetterRecordOf } from '@sec-an/constructs/dead-letter-recorder';
import { ContractViolationError } from '@sec-an/contracts/contract';
import { changeIndex, deadLetterIndex, subjectIndex } from '@sec-an/contracts/search-index';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { openSearchClient } from '@sec-an/runtime/opensearch';
import { deadLetterMessage } from '@sec-an/runtime/sqs-handler';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import type { SQSRecord } from 'aws-lambda';
import { reportDeadLetter } from '../dead-letter-report/index.ts';
import { ingestResults } from '../ingest/index.ts';
import { probeResult, probeTemplates, putTemplates } from '../ingest/test-fixtures.ts';
import { type DashboardResult, panelsWithoutData, runDashboards } from './dashboard-data.ts';
import { loadSavedObjects } from './load-saved-objects.ts';
import { analyticsPlatformDirectory } from './platform-dashboards.ts';
import { type ResultRow, runSavedSearch, type VisualizationResult } from './run-saved-objects.ts';

const store = () => openSearchClient({ endpoint: testBackends().openSearchEndpoint, auth: 'none' });
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

const account = 'arn:aws:sqs:eu-west-2:123456789012';
const ingestQueueArn = `${account}:sec-an-test-analytics-platform-ingest-queue`;
const requestQueueArn = `${account}:sec-an-test-task-execution-scan-requests`;
const archiveBucket = 'sec-an-test-shared-infra-dead-letters';

const recordAttributes = (
  attributes: Record<string, MessageAttributeValue> = {},
): SQSRecord['messageAttributes'] =>
  Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [
      name,
      {
        dataType: value.DataType ?? 'String',
        ...(value.StringValue === undefined ? {} : { stringValue: value.StringValue }),
        stringListValues: [],
        binaryListValues: [],
      },
    ]),
  );

/**
 * A message as it sits in a dead-letter queue: given up by a handler with its error (the attributes the runtime's
 * handlers add), or moved there by SQS after its last receive (no verdict).
 */
const deadLetter = (body: string, queueArn: string, error?: Error): SQSRecord => {
  const original: SQSRecord = {
    messageId: randomUUID(),
    receiptHandle: 'r',
    body,
    attributes: {
      ApproximateReceiveCount: '3',
      SentTimestamp: String(Date.now() - 3_600_000),
      SenderId: 's',
      ApproximateFirstReceiveTimestamp: String(Date.now() - 3_500_000),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: 'eu-west-2',
  };
  const verdict =
    error === undefined ? {} : deadLetterMessage(original, error, `${queueArn}-dlq`).MessageAttributes;
  return { ...original, eventSourceARN: `${queueArn}-dlq`, messageAttributes: recordAttributes(verdict) };
};

/** Through the real path: the recorder's archive record and key, the object in S3, the reporter's document. */
const archiveAndReport = async (letter: SQSRecord): Promise<void> => {
  const record = deadLetterRecordOf(letter, new Date());
  const key = archiveKey(record);
  const body = JSON.stringify(record);
  await awsClient(S3Client).send(new PutObjectCommand({ Bucket: archiveBucket, Key: key, Body: body }));
  const event = {
    source: 'aws.s3',
    'detail-type': 'Object Created',
    time: new Date().toISOString(),
    detail: { bucket: { name: archiveBucket }, object: { key, size: Buffer.byteLength(body) } },
  };
  await reportDeadLetter(JSON.stringify(event), store());
};

const ssh = { port: 22, service: 'ssh', product: 'OpenSSH' };
const http = { port: 80, service: 'http', product: 'nginx' };
const https = { port: 80, service: 'https', product: 'nginx' };
const tls = { port: 443, service: 'https', product: 'nginx' };

const ingest = async (...results: Parameters<typeof probeResult>[]) => {
  for (const outcome of await ingestResults(
    store(),
    results.map((args) => probeResult(...args)),
  )) {
    expect(outcome.error).toBeUndefined();
  }
};

const keys = (rows: readonly ResultRow[], level = 0) =>
  rows.filter((row) => row.docCount > 0).map((row) => String(row.buckets[level]?.key));

describe('the platform dashboards over real indexed data', () => {
  useCleanBackends();
  const objects = loadSavedObjects(analyticsPlatformDirectory);
  let dashboards: DashboardResult[];

  const panel = (id: string): VisualizationResult => {
    const found = dashboards.flatMap((dashboard) => dashboard.panels).find((each) => each.id === id);
    if (found?.type !== 'visualization') throw new Error(`no visualization panel ${id}`);
    return found.result;
  };

  beforeAll(async () => {
    // The platform's templates, with a task's document types for the ingest to write.
    await putTemplates(store(), probeTemplates);
    // Two results of one subject with changes between them (a port changes service, one closes, one opens),
    // and a subject seen once.
    await ingest(['192.0.2.10', hoursAgo(3), [ssh, http]]);
    await ingest(['192.0.2.10', hoursAgo(1), [https, tls]], ['192.0.2.11', hoursAgo(2), [ssh]]);
    await awsClient(S3Client).send(new CreateBucketCommand({ Bucket: archiveBucket }));
    const invalid = new ContractViolationError(
      'message is not a valid scan-result v1: documents.port.0.key: invalid',
    );
    await archiveAndReport(
      deadLetter(JSON.stringify({ contract: 'scan-result', version: 1 }), ingestQueueArn, invalid),
    );
    await archiveAndReport(
      deadLetter(JSON.stringify({ contract: 'scan-request', version: 1 }), requestQueueArn),
    );
    await store().indices.refresh({ index: [changeIndex, subjectIndex, deadLetterIndex].join(',') });
    // Each dashboard as a person opens it: its own time range (the last 7 days) and query.
    dashboards = await runDashboards(store(), objects);
  }, 120_000);

  it('shows data in every panel of every dashboard', () => {
    expect(dashboards.map((dashboard) => dashboard.title).sort()).toEqual([
      'Change events',
      'Dead letters',
      'Ingest health',
    ]);
    expect(panelsWithoutData(objects, dashboards)).toEqual([]);
  });

  it('puts every visualisation on a dashboard, so none escapes this test', () => {
    const shown = new Set(dashboards.flatMap((dashboard) => dashboard.panels.map((each) => each.id)));
    const visualizations = objects
      .filter((object) => object.type === 'visualization')
      .map((object) => object.id);
    expect(visualizations.filter((id) => !shown.has(id))).toEqual([]);
  });

  it('lists documents for every saved search, on a dashboard or behind a visualisation', async () => {
    for (const search of objects.filter((object) => object.type === 'search')) {
      const { documents } = await runSavedSearch(store(), objects, search.id);
      expect({ search: search.id, listed: documents.length > 0 }).toEqual({
        search: search.id,
        listed: true,
      });
    }
  });

  it('counts the changes between the two results by kind, and names the field that changed', () => {
    expect(keys(panel('analytics-platform-changes-by-kind').rows).sort()).toEqual([
      'appeared',
      'changed',
      'disappeared',
    ]);
    const fields = panel('analytics-platform-top-changed-fields').rows.map((row) =>
      row.buckets.map((bucket) => bucket.key),
    );
    expect(fields).toEqual([['port', 'service']]);
  });

  it("tells the ingest's dead letters from others by their message's contract", () => {
    expect(keys(panel('analytics-platform-dead-letters-by-reason').rows).sort()).toEqual([
      'handler-dead-lettered',
      'max-receives-exceeded',
    ]);
    const ingestLetters = panel('analytics-platform-ingest-dead-letters-over-time');
    expect(ingestLetters.totalHits).toBe(1);
    expect(keys(ingestLetters.rows, 1)).toEqual(['handler-dead-lettered']);
    expect(keys(panel('analytics-platform-dead-letters-by-error').rows)).toEqual(['ContractViolationError']);
  });

  it("measures the ingest's lag from each scan's end", () => {
    const lags = panel('analytics-platform-ingest-lag').rows.flatMap((row) => [
      row.metrics['1'],
      row.metrics['2'],
    ]);
    // The results ended one and two hours before they were ingested.
    expect(Math.max(...lags.map(Number))).toBeGreaterThanOrEqual(7_000);
    expect(Math.min(...lags.map(Number))).toBeGreaterThanOrEqual(3_500);
  });
});
