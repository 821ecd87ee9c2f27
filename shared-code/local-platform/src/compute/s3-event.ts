import type { S3Event, S3EventRecord } from 'aws-lambda';
import { ComputeError } from './compute-error.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** What S3 sends a queue when its notification configuration is set; a function target never sees it. */
export const isS3TestEvent = (body: unknown): boolean => isObject(body) && body.Event === 's3:TestEvent';

/** S3 orders the events of one key by this hex string; made from the event time when the record lacks it. */
const sequencer = (eventTime: unknown): string =>
  (typeof eventTime === 'string' ? Date.parse(eventTime) || 0 : 0)
    .toString(16)
    .toUpperCase()
    .padStart(16, '0');

/** S3 encodes a key in its events as a form value, but leaves its slashes; moto encodes those too. */
const s3EncodedKey = (key: unknown): unknown => (typeof key === 'string' ? key.replace(/%2F/gi, '/') : key);

/**
 * A record as S3 hands it to a function. moto's records leave out the requester, the request ids, the bucket
 * owner and the sequencer; they are filled in with local values, so that handlers reading them work.
 */
const toS3Record = (record: Json): S3EventRecord => {
  const s3 = isObject(record.s3) ? record.s3 : {};
  if (!isObject(s3.bucket) || !isObject(s3.object)) {
    throw new ComputeError('the S3 event record names no bucket and object');
  }
  return {
    userIdentity: { principalId: 'local' },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': 'local', 'x-amz-id-2': 'local' },
    ...record,
    s3: {
      ...s3,
      bucket: { ownerIdentity: { principalId: 'local' }, ...s3.bucket },
      object: { sequencer: sequencer(record.eventTime), ...s3.object, key: s3EncodedKey(s3.object.key) },
    },
  } as S3EventRecord;
};

/** The function's event made from the notification S3 sent to a queue. */
export const toS3Event = (body: unknown): S3Event => {
  if (!isObject(body) || !Array.isArray(body.Records) || !body.Records.every(isObject)) {
    throw new ComputeError('the S3 notification has no Records');
  }
  return { Records: body.Records.map(toS3Record) };
};
