import { parseMessage } from '@sec-an/contracts/contract';
import { entityKey } from '@sec-an/contracts/entity-key';
import { type ScanResult, scanResultV1 } from '@sec-an/contracts/scan-result';
import type { DynamoDBRecord } from 'aws-lambda';
import { withIsoDates } from './epoch-times.ts';
import { type JsonValue, plainAttribute, plainImage, type StreamImage } from './item-values.ts';
import { removalTime, stateTime, streamTime } from './scan-time.ts';
import { setChanges } from './set-changes.ts';
import { StreamRecordError } from './sync-errors.ts';
import type { SyncSettings } from './sync-settings.ts';

/** Changes whenever the way items become documents changes, so re-synced documents can be told apart. */
export const syncParserVersion = 'dynamodb-sync/1';

/** The contract's limit on a subject's label. */
const maxLabelLength = 512;

interface Subject {
  readonly key: string;
  readonly label: string;
}

const labelText = (value: JsonValue): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** The item's key attributes, from the record's Keys, which every kind of record carries. */
const subjectOf = (keys: StreamImage | undefined, keyAttributes: readonly string[]): Subject => {
  const identity: Record<string, JsonValue> = {};
  for (const attribute of keyAttributes) {
    const value = keys?.[attribute];
    if (value === undefined) throw new StreamRecordError(`the record's Keys lack key attribute ${attribute}`);
    identity[attribute] = plainAttribute(attribute, value);
  }
  const label = keyAttributes.map((attribute) => labelText(identity[attribute] ?? null)).join(' ');
  return {
    key: entityKey(identity),
    label: label.length <= maxLabelLength ? label : `${label.slice(0, maxLabelLength - 1)}…`,
  };
};

const imageFields = (image: StreamImage | undefined, settings: SyncSettings): Record<string, JsonValue> =>
  withIsoDates(plainImage(image ?? {}), settings.epochAttributes);

interface ItemChange {
  readonly endedAt: string;
  readonly documents: ScanResult['documents'];
}

/** The item's new state as its one document, with what the change did to its sets. */
const changedItem = (record: DynamoDBRecord, subject: Subject, settings: SyncSettings): ItemChange => {
  const image = record.dynamodb?.NewImage;
  if (image === undefined) {
    throw new StreamRecordError(
      `a ${record.eventName} record without NewImage: the stream must show new images`,
    );
  }
  const after = imageFields(image, settings);
  const before = imageFields(record.dynamodb?.OldImage, settings);
  const recordedAt = streamTime(record.dynamodb?.ApproximateCreationDateTime);
  return {
    endedAt: stateTime(settings.temporalAttribute, after, recordedAt),
    documents: {
      [settings.documentType]: [
        { key: subject.key, fields: { ...after, ...setChanges(before, after, settings.setAttributes) } },
      ],
    },
  };
};

/** A removed item is a result with no documents: the ingest drops its snapshot and keeps its history. */
const removedItem = (record: DynamoDBRecord, settings: SyncSettings): ItemChange => ({
  endedAt: removalTime(
    settings.temporalAttribute,
    imageFields(record.dynamodb?.OldImage, settings),
    streamTime(record.dynamodb?.ApproximateCreationDateTime),
  ),
  documents: {},
});

const itemChange = (record: DynamoDBRecord, subject: Subject, settings: SyncSettings): ItemChange => {
  switch (record.eventName) {
    case 'INSERT':
    case 'MODIFY':
      return changedItem(record, subject, settings);
    case 'REMOVE':
      return removedItem(record, settings);
    default:
      throw new StreamRecordError(`unknown stream event ${String(record.eventName)}`);
  }
};

/**
 * One stream record as one complete result of its item. The scan id comes from the record's event id, so a
 * retried batch produces the very same results.
 */
export const scanResultOf = (record: DynamoDBRecord, settings: SyncSettings): ScanResult => {
  if (record.eventID === undefined) throw new StreamRecordError('the stream record has no eventID');
  const subject = subjectOf(record.dynamodb?.Keys, settings.keyAttributes);
  const { endedAt, documents } = itemChange(record, subject, settings);
  return parseMessage(scanResultV1, {
    contract: scanResultV1.name,
    version: scanResultV1.version,
    task: settings.task,
    scanId: `${settings.task}/${record.eventID}`,
    startedAt: endedAt,
    endedAt,
    parserVersion: syncParserVersion,
    raw: null,
    subject,
    coverage: 'complete',
    documents,
  });
};
