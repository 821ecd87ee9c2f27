import {
  type BillingMode,
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  type KeySchemaElement,
  type Projection,
  type ProjectionType,
  type ScalarAttributeType,
  type StreamViewType,
  type TableClass,
  UpdateContinuousBackupsCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier } from '../applier.ts';
import type { ResourceConfig } from '../config.ts';

const dynamodb = () => awsClient(DynamoDBClient);

const keySchema = (config: ResourceConfig): KeySchemaElement[] => {
  const rangeKey = config.optionalString('range_key');
  return [
    { AttributeName: config.string('hash_key'), KeyType: 'HASH' },
    ...(rangeKey === undefined ? [] : [{ AttributeName: rangeKey, KeyType: 'RANGE' as const }]),
  ];
};

const projection = (index: ResourceConfig): Projection => {
  const nonKey = index.stringList('non_key_attributes');
  return {
    ProjectionType: index.string('projection_type') as ProjectionType,
    ...(nonKey.length === 0 ? {} : { NonKeyAttributes: nonKey }),
  };
};

const throughput = (config: ResourceConfig, provisioned: boolean) =>
  provisioned
    ? {
        ProvisionedThroughput: {
          ReadCapacityUnits: config.number('read_capacity', 1),
          WriteCapacityUnits: config.number('write_capacity', 1),
        },
      }
    : {};

const tableInput = (
  config: ResourceConfig,
  name: string,
  tags: Record<string, string>,
): CreateTableCommandInput => {
  const billingMode = config.optionalString('billing_mode') ?? 'PROVISIONED';
  const provisioned = billingMode === 'PROVISIONED';
  const streamEnabled = config.boolean('stream_enabled', false);
  const encryption = config.block('server_side_encryption');
  const kmsKey = encryption?.optionalString('kms_key_arn');
  const localIndexes = config.blocks('local_secondary_index');
  const globalIndexes = config.blocks('global_secondary_index');
  const tableClass = config.optionalString('table_class');
  return {
    TableName: name,
    BillingMode: billingMode as BillingMode,
    KeySchema: keySchema(config),
    AttributeDefinitions: config.blocks('attribute').map((attribute) => ({
      AttributeName: attribute.string('name'),
      AttributeType: attribute.string('type') as ScalarAttributeType,
    })),
    ...throughput(config, provisioned),
    ...(localIndexes.length === 0
      ? {}
      : {
          LocalSecondaryIndexes: localIndexes.map((index) => ({
            IndexName: index.string('name'),
            KeySchema: [
              { AttributeName: config.string('hash_key'), KeyType: 'HASH' as const },
              { AttributeName: index.string('range_key'), KeyType: 'RANGE' as const },
            ],
            Projection: projection(index),
          })),
        }),
    ...(globalIndexes.length === 0
      ? {}
      : {
          GlobalSecondaryIndexes: globalIndexes.map((index) => ({
            IndexName: index.string('name'),
            KeySchema: keySchema(index),
            Projection: projection(index),
            ...throughput(index, provisioned),
          })),
        }),
    ...(streamEnabled
      ? {
          StreamSpecification: {
            StreamEnabled: true,
            StreamViewType: config.string('stream_view_type') as StreamViewType,
          },
        }
      : {}),
    ...(encryption?.boolean('enabled', false) === true
      ? {
          SSESpecification: {
            Enabled: true,
            SSEType: 'KMS',
            ...(kmsKey === undefined ? {} : { KMSMasterKeyId: kmsKey }),
          },
        }
      : {}),
    ...(tableClass === undefined ? {} : { TableClass: tableClass as TableClass }),
    DeletionProtectionEnabled: config.boolean('deletion_protection_enabled', false),
    ...(Object.keys(tags).length === 0
      ? {}
      : { Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }),
  };
};

/** A table that exists already (a second `up` against the same moto) is kept as it is. */
const createTable = async (input: CreateTableCommandInput): Promise<void> => {
  try {
    await dynamodb().send(new CreateTableCommand(input));
  } catch (error) {
    if ((error as Error).name !== 'ResourceInUseException') throw error;
  }
};

const applyTimeToLive = async (config: ResourceConfig, name: string): Promise<void> => {
  const ttl = config.block('ttl');
  if (ttl === undefined || !ttl.boolean('enabled', false)) return;
  await dynamodb().send(
    new UpdateTimeToLiveCommand({
      TableName: name,
      TimeToLiveSpecification: { AttributeName: ttl.string('attribute_name'), Enabled: true },
    }),
  );
};

const applyPointInTimeRecovery = async (config: ResourceConfig, name: string): Promise<void> => {
  const recovery = config.block('point_in_time_recovery');
  if (recovery === undefined || !recovery.boolean('enabled', false)) return;
  await dynamodb().send(
    new UpdateContinuousBackupsCommand({
      TableName: name,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    }),
  );
};

export const applyDynamodbTable: Applier = async (config, context) => {
  const name = config.string('name');
  const tags = context.tagsOf(config);
  await createTable(tableInput(config, name, tags));
  await applyTimeToLive(config, name);
  await applyPointInTimeRecovery(config, name);
  const { Table } = await dynamodb().send(new DescribeTableCommand({ TableName: name }));
  return {
    ...config.values,
    id: name,
    name,
    arn: Table?.TableArn,
    stream_arn: Table?.LatestStreamArn,
    stream_label: Table?.LatestStreamLabel,
    tags_all: tags,
  };
};
