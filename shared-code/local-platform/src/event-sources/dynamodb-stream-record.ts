import type {
  AttributeValue as StreamAttributeValue,
  _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { arnRegion } from './sqs-record.ts';

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** Lambda's event carries a value in the stream's JSON form, where binaries are base64 text. */
const toLambdaValue = (value: StreamAttributeValue): AttributeValue => {
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.L !== undefined) return { L: value.L.map(toLambdaValue) };
  if (value.M !== undefined) return { M: toLambdaImage(value.M) };
  return value as AttributeValue;
};

const toLambdaImage = (image: Record<string, StreamAttributeValue>): Record<string, AttributeValue> =>
  Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toLambdaValue(value)]));

const optionalImage = (
  name: 'Keys' | 'NewImage' | 'OldImage',
  image: Record<string, StreamAttributeValue> | undefined,
) => (image === undefined ? {} : { [name]: toLambdaImage(image) });

/**
 * A record as GetRecords returns it, in the shape a Lambda event carries it: the creation time in epoch seconds,
 * binaries in base64, the stream's ARN, and the region the stream is in.
 */
export const toDynamoDbRecord = (record: StreamRecord, streamArn: string): DynamoDBRecord => {
  const stream = record.dynamodb ?? {};
  const created = stream.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: arnRegion(streamArn),
    dynamodb: {
      ...(created === undefined ? {} : { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) }),
      ...optionalImage('Keys', stream.Keys),
      ...optionalImage('NewImage', stream.NewImage),
      ...optionalImage('OldImage', stream.OldImage),
      SequenceNumber: stream.SequenceNumber,
      SizeBytes: stream.SizeBytes,
      StreamViewType: stream.StreamViewType,
    },
    eventSourceARN: streamArn,
    ...(record.userIdentity === undefined
      ? {}
      : { userIdentity: { type: record.userIdentity.Type, principalId: record.userIdentity.PrincipalId } }),
  };
};

export const toDynamoDbStreamEvent = (
  records: readonly StreamRecord[],
  streamArn: string,
): DynamoDBStreamEvent => ({
  Records: records.map((record) => toDynamoDbRecord(record, streamArn)),
});
