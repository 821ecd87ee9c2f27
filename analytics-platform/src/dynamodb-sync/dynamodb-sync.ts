import { fileURLToPath } from 'node:url';
import type { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table/index.js';
import type { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping/index.js';
import { Construct } from '@sec-an/constructs/cdktf';
import type { FunctionSettingsProps, StreamConsumeOptions } from '@sec-an/constructs/node-function';
import { NodeFunction } from '@sec-an/constructs/node-function';
import { grantReadParameter, referenceParameter } from '@sec-an/constructs/parameters';
import type { DocumentType } from '@sec-an/contracts/search-index';
import { unmappedSyncFields } from './document-type-check.ts';
import { ingestQueueArnParameter, ingestQueueUrlParameter } from './ingest-queue.ts';
import {
  type EpochUnit,
  parseSyncSettings,
  type SyncSettings,
  syncSettingsVariable,
} from './sync-settings.ts';

export interface DynamoDbSyncProps extends FunctionSettingsProps {
  /** The table whose items are synced; its stream must be enabled with NEW_AND_OLD_IMAGES. */
  readonly table: DynamodbTable;
  /** The task name of the results it produces (e.g. `dns-hosts`): it names the sync's function and indices. */
  readonly name: string;
  /** The type of the documents, of the same task; its template is provisioned by whoever declares it. */
  readonly documentType: DocumentType;
  /** The table's key attributes, hash key first: the item's identity. */
  readonly keyAttributes: readonly string[];
  /** The attribute holding each item's scan time (an ingest time); default: when the stream recorded the change. */
  readonly temporalAttribute?: string;
  /** Set attributes whose changes each document reports as `<set>Added` and `<set>Removed`. */
  readonly setAttributes?: readonly string[];
  /** Attributes holding epoch times, with their unit, written as ISO dates. */
  readonly epochAttributes?: Readonly<Record<string, EpochUnit>>;
  /** The stream mapping's settings; default: batches of 100, 5 retries after bisecting, from TRIM_HORIZON. */
  readonly stream?: StreamConsumeOptions;
}

const handlerEntry = fileURLToPath(new URL('../handlers/dynamodb-sync.ts', import.meta.url));

/** The table's key attributes as Terraform is given them, hash key first. */
const tableKeyAttributes = (table: DynamodbTable): string[] =>
  [table.hashKeyInput, table.rangeKeyInput].filter((name): name is string => name !== undefined);

const tableProblems = (table: DynamodbTable, keyAttributes: readonly string[]): string[] => {
  const problems: string[] = [];
  if (table.streamEnabledInput !== true || table.streamViewTypeInput !== 'NEW_AND_OLD_IMAGES') {
    problems.push('its table must have a stream with NEW_AND_OLD_IMAGES (stream_enabled, stream_view_type)');
  }
  const tableKeys = tableKeyAttributes(table);
  if (tableKeys.join() !== keyAttributes.join()) {
    problems.push(
      `keyAttributes must be the table's key, ${tableKeys.join(', ')}, not ${keyAttributes.join(', ')}`,
    );
  }
  return problems;
};

const settingsOf = (props: DynamoDbSyncProps): SyncSettings =>
  parseSyncSettings({
    task: props.name,
    documentType: props.documentType.type,
    keyAttributes: props.keyAttributes,
    ...(props.temporalAttribute === undefined ? {} : { temporalAttribute: props.temporalAttribute }),
    setAttributes: props.setAttributes ?? [],
    epochAttributes: props.epochAttributes ?? {},
  });

/**
 * Keeps OpenSearch in step with a DynamoDB table: each change of an item (insert, modify, remove) becomes one
 * complete `scan-result` of that item on the analytics ingest queue, so the table's items get snapshot and
 * history documents, change documents and disappearances like any scanned entity. A record that cannot be synced
 * goes, after bounded retries, to an on-failure queue that the stack's dead-letter recorder archives.
 */
export class DynamoDbSync extends Construct {
  readonly function: NodeFunction;
  readonly mapping: LambdaEventSourceMapping;
  readonly settings: SyncSettings;

  constructor(scope: Construct, id: string, props: DynamoDbSyncProps) {
    super(scope, id);
    this.settings = settingsOf(props);
    const problems = [
      ...tableProblems(props.table, props.keyAttributes),
      ...(props.documentType.task === props.name
        ? []
        : [`documentType belongs to task ${props.documentType.task}, not ${props.name}`]),
      ...unmappedSyncFields(props.documentType, this.settings),
    ];
    if (problems.length > 0) throw new Error(`${this.node.path}: ${problems.join('; ')}`);
    this.function = new NodeFunction(this, 'function', {
      name: `${props.name}-sync`,
      entry: handlerEntry,
      description: `Syncs the items of ${props.table.node.path} to the analytics ingest queue as ${props.name} results`,
      environment: { [syncSettingsVariable]: JSON.stringify(this.settings) },
      ...(props.timeoutSeconds === undefined ? {} : { timeoutSeconds: props.timeoutSeconds }),
      ...(props.memorySizeMb === undefined ? {} : { memorySizeMb: props.memorySizeMb }),
      ...(props.logRetentionDays === undefined ? {} : { logRetentionDays: props.logRetentionDays }),
    });
    this.mapping = this.function.consumeStream(props.table, props.stream);
    const ingestQueueArn = referenceParameter(this, ingestQueueArnParameter).value;
    this.function.addToPolicy({ actions: ['sqs:SendMessage'], resources: [ingestQueueArn] });
    grantReadParameter(this, this.function, ingestQueueUrlParameter);
  }
}
