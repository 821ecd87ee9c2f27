import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import type { SyncSettings } from './sync-settings.ts';

/** Settings of a host table: keyed by host, scanned at an ingest time in epoch seconds, addresses diffed. */
export const hostSettings: SyncSettings = {
  task: 'dns-hosts',
  documentType: 'host',
  keyAttributes: ['Host'],
  temporalAttribute: 'DnsIngestTime',
  setAttributes: ['Addresses'],
  epochAttributes: { DnsIngestTime: 'seconds' },
};

export const streamArn = 'arn:aws:dynamodb:eu-west-2:123456789012:table/hosts/stream/2026-11-21T10:00:00.000';

/** An image in the stream's JSON form, as DynamoDB's own marshaller writes it. */
export const image = (item: Record<string, unknown>): Record<string, AttributeValue> =>
  marshall(item) as Record<string, AttributeValue>;

interface RecordParts {
  readonly eventID?: string;
  readonly keys?: Record<string, unknown>;
  readonly oldItem?: Record<string, unknown>;
  readonly newItem?: Record<string, unknown>;
  readonly createdAtSeconds?: number;
  readonly sequenceNumber?: string;
}

/** A stream record of the Lambda event, its kind following from the images it has, as DynamoDB decides it. */
export const streamRecord = (parts: RecordParts): DynamoDBRecord => {
  const { oldItem, newItem } = parts;
  const keys = parts.keys ?? { Host: (newItem ?? oldItem)?.Host };
  return {
    eventID: parts.eventID ?? 'c4ca4238a0b923820dcc509a6f75849b',
    eventName: oldItem === undefined ? 'INSERT' : newItem === undefined ? 'REMOVE' : 'MODIFY',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-2',
    eventSourceARN: streamArn,
    dynamodb: {
      ApproximateCreationDateTime: parts.createdAtSeconds ?? 1_795_000_000,
      Keys: image(keys),
      ...(newItem === undefined ? {} : { NewImage: image(newItem) }),
      ...(oldItem === undefined ? {} : { OldImage: image(oldItem) }),
      SequenceNumber: parts.sequenceNumber ?? '100000000000000000001',
      SizeBytes: 100,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
};
