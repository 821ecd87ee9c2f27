import {
  type _Object,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  S3Client,
} from '@aws-sdk/client-s3';
import { parseJson, parseMessage } from '@sec-an/contracts/contract';
import { type DeadLetterRecord, deadLetterRecordV1 } from '@sec-an/contracts/dead-letter';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { TimeWindow } from './time-window.ts';

/** Where the recorder archives: `dead-letters/<dead-letter queue>/<yyyy>/<mm>/<dd>/<message id>.json`. */
export const archivePrefix = 'dead-letters/';

/** Every object under `prefix`, page by page, as S3 lists it. */
export const listObjects = async (bucket: string, prefix: string): Promise<_Object[]> => {
  const objects: _Object[] = [];
  let token: string | undefined;
  do {
    const page = await awsClient(S3Client).send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        ...(token === undefined ? {} : { ContinuationToken: token }),
      }),
    );
    objects.push(...(page.Contents ?? []));
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  return objects;
};

/** Every key under `prefix`. */
export const listKeys = async (bucket: string, prefix: string): Promise<string[]> =>
  (await listObjects(bucket, prefix)).flatMap(({ Key }) => (Key === undefined ? [] : [Key]));

const dayPattern = /\/(\d{4})\/(\d{2})\/(\d{2})\/[^/]+\.json$/;
const dayMs = 86_400_000;

/**
 * Whether an archived object can hold a letter archived in the window, judged by the day in its key (the
 * archive time's UTC day), so that letters of other days are not read. A key without a day is read.
 */
export const keyMayBeInWindow = (key: string, window: TimeWindow): boolean => {
  const match = dayPattern.exec(key);
  if (match === null) return true;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const dayStart = Date.UTC(Number(year), Number(month) - 1, Number(day));
  return (
    (window.since === undefined || dayStart + dayMs > window.since.getTime()) &&
    (window.until === undefined || dayStart < window.until.getTime())
  );
};

export type ArchivedObject =
  | { readonly kind: 'letter'; readonly letter: DeadLetterRecord }
  | { readonly kind: 'invalid'; readonly problem: string };

/** An archived object as a dead-letter record, or why it is not one. */
export const readArchivedObject = async (bucket: string, key: string): Promise<ArchivedObject> => {
  const response = await awsClient(S3Client).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const text = (await response.Body?.transformToString('utf8')) ?? '';
  try {
    return { kind: 'letter', letter: parseMessage(deadLetterRecordV1, parseJson(text, key)) };
  } catch (error) {
    return { kind: 'invalid', problem: (error as Error).message };
  }
};

/** The text of an object, or undefined if there is none. */
export const readOptionalObject = async (bucket: string, key: string): Promise<string | undefined> => {
  try {
    const response = await awsClient(S3Client).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return (await response.Body?.transformToString('utf8')) ?? '';
  } catch (error) {
    if (error instanceof NoSuchKey) return undefined;
    throw error;
  }
};
