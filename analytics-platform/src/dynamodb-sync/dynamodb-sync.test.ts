import { DynamodbTable, type DynamodbTableConfig } from '@cdktf/provider-aws/lib/dynamodb-table/index.js';
import { describe, expect, it } from '@jest/globals';
import {
  allGrantedStatements,
  grantedStatements,
  referencedParameter,
  resourceAt,
  resourcesOf,
  starGrants,
  synthesize,
  testStack,
} from '@sec-an/constructs/testing';
import type { DocumentType } from '@sec-an/contracts/search-index';
import { DynamoDbSync, type DynamoDbSyncProps } from './dynamodb-sync.ts';
import { syncSettingsVariable } from './sync-settings.ts';

const hostType: DocumentType = {
  task: 'dns-hosts',
  type: 'host',
  properties: {
    Host: { type: 'keyword' },
    Addresses: { type: 'ip' },
    AddressesAdded: { type: 'ip' },
    AddressesRemoved: { type: 'ip' },
    DnsIngestTime: { type: 'date' },
  },
  changeFields: ['Addresses'],
  labelFields: ['Host'],
};

const tableConfig: DynamodbTableConfig = {
  name: 'hosts',
  hashKey: 'Host',
  attribute: [{ name: 'Host', type: 'S' }],
  billingMode: 'PAY_PER_REQUEST',
  streamEnabled: true,
  streamViewType: 'NEW_AND_OLD_IMAGES',
};

const hostSync = (overrides: Partial<DynamoDbSyncProps> = {}, table: Partial<DynamodbTableConfig> = {}) => {
  const stack = testStack({ project: 'task-execution' });
  const sync = new DynamoDbSync(stack, 'hosts-sync', {
    table: new DynamodbTable(stack, 'hosts', { ...tableConfig, ...table }),
    name: 'dns-hosts',
    documentType: hostType,
    keyAttributes: ['Host'],
    temporalAttribute: 'DnsIngestTime',
    setAttributes: ['Addresses'],
    epochAttributes: { DnsIngestTime: 'seconds' },
    ...overrides,
  });
  return { stack, sync };
};

const streamArnRef = `\${aws_dynamodb_table.hosts.stream_arn}`;
const ingestQueueArn = '/sec-an/test/analytics-platform/ingest-queue/arn';

describe('DynamoDbSync', () => {
  it("runs its handler on the table's stream, with the sync's settings in its environment", () => {
    const { stack, sync } = hostSync();
    const synthesized = synthesize(stack);
    const fn = resourceAt(synthesized, 'aws_lambda_function', 'hosts-sync_function');
    expect(fn.function_name).toBe('sec-an-test-task-execution-dns-hosts-sync');
    const variables = (fn.environment as { variables: Record<string, string> }).variables;
    expect(JSON.parse(variables[syncSettingsVariable] ?? '')).toEqual({
      task: 'dns-hosts',
      documentType: 'host',
      keyAttributes: ['Host'],
      temporalAttribute: 'DnsIngestTime',
      setAttributes: ['Addresses'],
      epochAttributes: { DnsIngestTime: 'seconds' },
    });
    expect(sync.function.bundle.bundleBytes).toBeGreaterThan(0);
    expect(
      resourceAt(synthesized, 'aws_lambda_event_source_mapping', 'hosts-sync_function_consume-stream'),
    ).toMatchObject({
      event_source_arn: streamArnRef,
      starting_position: 'TRIM_HORIZON',
      batch_size: 100,
      bisect_batch_on_function_error: true,
      maximum_retry_attempts: 5,
      function_response_types: ['ReportBatchItemFailures'],
      destination_config: {
        on_failure: {
          destination_arn: expect.stringMatching(
            /^\$\{aws_sqs_queue\.hosts-sync_function_stream-failures_queue_.*\.arn\}$/,
          ),
        },
      },
    });
  });

  it('grants exactly reading its stream, sending to the ingest queue and its failures queue, and reading the queue url', () => {
    const { stack } = hostSync();
    const synthesized = synthesize(stack);
    const statements = grantedStatements(synthesized, 'hosts-sync_function_role').filter(
      (statement) => !statement.Action.some((action) => /^(logs|xray|kms):/.test(action)),
    );
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: [
          'dynamodb:DescribeStream',
          'dynamodb:GetRecords',
          'dynamodb:GetShardIterator',
          'dynamodb:ListStreams',
        ],
        Resource: [streamArnRef],
      },
      {
        Effect: 'Allow',
        Action: ['sqs:SendMessage'],
        Resource: [
          expect.stringMatching(/^\$\{aws_sqs_queue\.hosts-sync_function_stream-failures_queue_.*\.arn\}$/),
        ],
      },
      {
        Effect: 'Allow',
        Action: ['sqs:SendMessage'],
        Resource: [referencedParameter(synthesized, ingestQueueArn)],
      },
      {
        Effect: 'Allow',
        Action: ['ssm:GetParameter'],
        Resource: [expect.stringMatching(/:parameter\/sec-an\/test\/analytics-platform\/ingest-queue\/url$/)],
      },
    ]);
    expect(starGrants(allGrantedStatements(synthesized))).toEqual([]);
  });

  it('has its given-up records archived by the stack dead-letter recorder', () => {
    const { stack } = hostSync();
    const synthesized = synthesize(stack);
    const drained = Object.values(resourcesOf(synthesized, 'aws_lambda_event_source_mapping'))
      .filter((mapping) => String(mapping.function_name).includes('dead-letter-recorder'))
      .map((mapping) => mapping.event_source_arn);
    expect(drained).toEqual([
      expect.stringMatching(/^\$\{aws_sqs_queue\.hosts-sync_function_stream-failures_queue_.*\.arn\}$/),
    ]);
  });

  it('passes its stream settings to the mapping', () => {
    const { stack } = hostSync({
      stream: { batchSize: 10, maximumRetryAttempts: 2, startingPosition: 'LATEST' },
    });
    expect(
      resourceAt(synthesize(stack), 'aws_lambda_event_source_mapping', 'hosts-sync_function_consume-stream'),
    ).toMatchObject({ batch_size: 10, maximum_retry_attempts: 2, starting_position: 'LATEST' });
  });

  it('refuses a table without a stream of new and old images', () => {
    expect(() => hostSync({}, { streamViewType: 'NEW_IMAGE' })).toThrow(
      'its table must have a stream with NEW_AND_OLD_IMAGES',
    );
    expect(() => hostSync({}, { streamEnabled: false })).toThrow('its table must have a stream');
  });

  it("refuses key attributes that are not the table's key", () => {
    expect(() => hostSync({ keyAttributes: ['Zone'] })).toThrow(
      "keyAttributes must be the table's key, Host, not Zone",
    );
  });

  it('refuses a document type of another task, or one that does not map the fields the sync writes', () => {
    expect(() => hostSync({ documentType: { ...hostType, task: 'dns-addresses' } })).toThrow(
      'documentType belongs to task dns-addresses, not dns-hosts',
    );
    const { AddressesRemoved: _, ...partial } = hostType.properties;
    expect(() =>
      hostSync({
        documentType: { ...hostType, properties: { ...partial, DnsIngestTime: { type: 'long' } } },
      }),
    ).toThrow('AddressesRemoved is not mapped; DnsIngestTime is not mapped as a date');
  });

  it('refuses settings its handler would refuse', () => {
    expect(() => hostSync({ name: 'Hosts' })).toThrow('DynamoDB sync settings are invalid');
  });
});
