import { describe, expect, it } from '@jest/globals';
import { syncSettingsVariable } from '@sec-an/analytics-platform/dynamodb-sync';
import { Testing } from '@sec-an/constructs/cdktf';
import {
  accountRef,
  allGrantedStatements,
  onlyResourceOf,
  partitionRef,
  publishedParameters,
  refTo,
  resourcesOf,
  resourceWhere,
  type SynthesizedStack,
  starGrants,
  synthesize,
} from '@sec-an/constructs/testing';
import { TablesStack, type TablesStackProps } from './tables-stack.ts';

const synthesizeTables = (props: Partial<TablesStackProps> = {}): SynthesizedStack =>
  synthesize(new TablesStack(Testing.app(), 'tables', { stage: 'test', ...props }));

const tableNamed = (synthesized: SynthesizedStack, name: string) =>
  resourceWhere(
    synthesized,
    'aws_dynamodb_table',
    (table) => table.name === `sec-an-test-task-execution-${name}`,
  );

const tableRef = (synthesized: SynthesizedStack, name: string, attribute: string): string =>
  refTo(
    synthesized,
    'aws_dynamodb_table',
    attribute,
    (table) => table.name === `sec-an-test-task-execution-${name}`,
  );

const keyArn = (synthesized: SynthesizedStack): string => refTo(synthesized, 'aws_kms_key', 'arn');

describe('TablesStack', () => {
  const synthesized = synthesizeTables();

  it('creates the six tables of the model, billed per request, encrypted with the key, recoverable to a point in time, protected from deletion', () => {
    const tables = Object.values(resourcesOf(synthesized, 'aws_dynamodb_table'));
    expect(tables.map((table) => table.name).sort()).toEqual(
      ['addresses', 'dns-history', 'dns-ingests', 'hosts', 'scan-plan', 'scan-plans'].map(
        (name) => `sec-an-test-task-execution-${name}`,
      ),
    );
    for (const table of tables) {
      expect(table).toMatchObject({
        billing_mode: 'PAY_PER_REQUEST',
        point_in_time_recovery: { enabled: true },
        server_side_encryption: { enabled: true, kms_key_arn: keyArn(synthesized) },
        deletion_protection_enabled: true,
      });
    }
  });

  it('keys each table as the model says, times as numbers', () => {
    const keys = (name: string) => {
      const { hash_key, range_key, attribute } = tableNamed(synthesized, name);
      return { hash_key, range_key, attribute };
    };
    expect(keys('hosts')).toEqual({ hash_key: 'host', attribute: [{ name: 'host', type: 'S' }] });
    expect(keys('addresses')).toEqual({ hash_key: 'address', attribute: [{ name: 'address', type: 'S' }] });
    expect(keys('dns-history')).toEqual({
      hash_key: 'name',
      range_key: 'ingestedAt',
      attribute: [
        { name: 'name', type: 'S' },
        { name: 'ingestedAt', type: 'N' },
      ],
    });
    expect(keys('dns-ingests')).toEqual({
      hash_key: 'ingestId',
      attribute: [{ name: 'ingestId', type: 'S' }],
    });
    expect(keys('scan-plan')).toEqual({
      hash_key: 'bucket',
      range_key: 'address',
      attribute: [
        { name: 'bucket', type: 'S' },
        { name: 'address', type: 'S' },
      ],
    });
    expect(keys('scan-plans')).toEqual({ hash_key: 'planId', attribute: [{ name: 'planId', type: 'S' }] });
  });

  it('streams both images of hosts and addresses only, and expires plan rows at expiresAt', () => {
    const streamed = Object.values(resourcesOf(synthesized, 'aws_dynamodb_table'))
      .filter((table) => table.stream_enabled === true)
      .map((table) => [table.name, table.stream_view_type]);
    expect(streamed.sort()).toEqual([
      ['sec-an-test-task-execution-addresses', 'NEW_AND_OLD_IMAGES'],
      ['sec-an-test-task-execution-hosts', 'NEW_AND_OLD_IMAGES'],
    ]);
    const expiring = Object.values(resourcesOf(synthesized, 'aws_dynamodb_table'))
      .filter((table) => table.ttl !== undefined)
      .map((table) => [table.name, table.ttl]);
    expect(expiring).toEqual([
      ['sec-an-test-task-execution-scan-plan', { attribute_name: 'expiresAt', enabled: true }],
    ]);
  });

  it('lets deletion protection be turned off, for a stage that is being destroyed', () => {
    const tables = Object.values(
      resourcesOf(synthesizeTables({ deletionProtection: false }), 'aws_dynamodb_table'),
    );
    expect(tables.map((table) => table.deletion_protection_enabled)).toEqual(tables.map(() => false));
  });

  it('encrypts with a rotated key that DynamoDB may use for this account only, and that the account administers', () => {
    const key = onlyResourceOf(synthesized, 'aws_kms_key');
    expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
    expect(JSON.parse(String(key.policy)).Statement).toEqual([
      {
        Sid: 'AccountAdministersThroughIam',
        Effect: 'Allow',
        Principal: { AWS: `arn:${partitionRef}:iam::${accountRef}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
      {
        Sid: 'DynamoDbUsesItForThisAccount',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncrypt*',
          'kms:GenerateDataKey*',
          'kms:CreateGrant',
          'kms:DescribeKey',
        ],
        Resource: '*',
        Condition: {
          StringEquals: {
            'kms:CallerAccount': accountRef,
            'kms:ViaService': 'dynamodb.eu-west-2.amazonaws.com',
          },
        },
      },
    ]);
    expect(onlyResourceOf(synthesized, 'aws_kms_alias').name).toBe('alias/sec-an-test-task-execution-tables');
  });

  it("publishes every table's name and ARN, the streams and the key", () => {
    const tables = ['hosts', 'addresses', 'dns-history', 'dns-ingests', 'scan-plan', 'scan-plans'];
    expect(publishedParameters(synthesized)).toEqual({
      ...Object.fromEntries(
        tables.flatMap((name) => [
          [`/sec-an/test/task-execution/${name}-table/name`, tableRef(synthesized, name, 'name')],
          [`/sec-an/test/task-execution/${name}-table/arn`, tableRef(synthesized, name, 'arn')],
        ]),
      ),
      '/sec-an/test/task-execution/hosts-table/stream-arn': tableRef(synthesized, 'hosts', 'stream_arn'),
      '/sec-an/test/task-execution/addresses-table/stream-arn': tableRef(
        synthesized,
        'addresses',
        'stream_arn',
      ),
      '/sec-an/test/task-execution/table-key/arn': keyArn(synthesized),
    });
  });

  it('syncs hosts and addresses to the analytics store, each from its own stream', () => {
    const syncOf = (task: string) => {
      const fn = resourceWhere(
        synthesized,
        'aws_lambda_function',
        (each) => each.function_name === `sec-an-test-task-execution-${task}-sync`,
      );
      const variables = (fn.environment as { variables: Record<string, string> }).variables;
      return JSON.parse(variables[syncSettingsVariable] ?? '');
    };
    expect(syncOf('dns-hosts')).toEqual({
      task: 'dns-hosts',
      documentType: 'host',
      keyAttributes: ['host'],
      temporalAttribute: 'ingestedAt',
      setAttributes: ['addresses'],
      epochAttributes: { ingestedAt: 'milliseconds' },
    });
    expect(syncOf('dns-addresses')).toEqual({
      task: 'dns-addresses',
      documentType: 'address',
      keyAttributes: ['address'],
      setAttributes: ['hosts'],
      epochAttributes: {
        ingestedAt: 'milliseconds',
        plannedAt: 'milliseconds',
        queuedAt: 'milliseconds',
        lastScannedAt: 'milliseconds',
      },
    });
    const streams = Object.values(resourcesOf(synthesized, 'aws_lambda_event_source_mapping'))
      .filter((mapping) => mapping.starting_position !== undefined)
      .map((mapping) => mapping.event_source_arn);
    expect(streams.sort()).toEqual(
      [tableRef(synthesized, 'hosts', 'stream_arn'), tableRef(synthesized, 'addresses', 'stream_arn')].sort(),
    );
  });

  it('grants no restrictable action on every resource, in any role of the stack', () => {
    expect(starGrants(allGrantedStatements(synthesized))).toEqual([]);
  });
});
