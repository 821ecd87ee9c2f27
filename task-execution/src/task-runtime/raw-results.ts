import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { PermanentError } from '@sec-an/runtime/errors';
import type { RawObject } from './raw-object.ts';
import { rawResultsPrefix } from './task-settings.ts';

/** What a raw result says of the scan that produced it, kept as the object's S3 user metadata. */
export interface RawResultMetadata {
  readonly requestId: string;
  /** ISO 8601. */
  readonly startedAt: string;
  /** ISO 8601. */
  readonly endedAt: string;
}

export interface RawResult {
  readonly body: Uint8Array;
  readonly contentType: string | undefined;
  readonly metadata: RawResultMetadata;
}

const requestIdPattern = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const fileNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

const metadataNames = { requestId: 'request-id', startedAt: 'started-at', endedAt: 'ended-at' } as const;

/**
 * `raw/<yyyy>/<mm>/<dd>/<request id>/<file>`, dated by the scan's start: a re-ingestion or an Athena table can
 * select a period by prefix, and every file of one request sits together. Names are restricted to characters
 * that need no encoding anywhere a key travels (S3 events, URLs, shells).
 */
export const rawResultKey = (requestId: string, startedAt: Date, fileName: string): string => {
  if (!requestIdPattern.test(requestId)) {
    throw new PermanentError(`request id "${requestId}" cannot name a raw result: letters, digits, dashes`);
  }
  if (!fileNamePattern.test(fileName)) {
    throw new PermanentError(`raw result file name "${fileName}" must be letters, digits, dots, dashes`);
  }
  if (Number.isNaN(startedAt.getTime())) throw new PermanentError('a raw result needs a valid start time');
  const day = startedAt.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${rawResultsPrefix}${day}/${requestId}/${fileName}`;
};

export interface WriteRawResult {
  readonly bucket: string;
  readonly key: string;
  readonly body: string | Uint8Array;
  readonly contentType: string;
  readonly metadata: RawResultMetadata;
}

/** Stores a scan's raw output; its creation triggers the task's parser. */
export const writeRawResult = async (result: WriteRawResult): Promise<void> => {
  await awsClient(S3Client).send(
    new PutObjectCommand({
      Bucket: result.bucket,
      Key: result.key,
      Body: result.body,
      ContentType: result.contentType,
      Metadata: {
        [metadataNames.requestId]: result.metadata.requestId,
        [metadataNames.startedAt]: result.metadata.startedAt,
        [metadataNames.endedAt]: result.metadata.endedAt,
      },
    }),
  );
};

const metadataOf = (object: RawObject, metadata: Record<string, string> | undefined): RawResultMetadata => {
  const value = (name: string): string => {
    const found = metadata?.[name];
    if (found === undefined || found === '') {
      throw new PermanentError(`raw result s3://${object.bucket}/${object.key} lacks its ${name} metadata`);
    }
    return found;
  };
  return {
    requestId: value(metadataNames.requestId),
    startedAt: value(metadataNames.startedAt),
    endedAt: value(metadataNames.endedAt),
  };
};

/** The raw result an event announced, the version announced if there is one. */
export const readRawResult = async (object: RawObject): Promise<RawResult> => {
  try {
    const response = await awsClient(S3Client).send(
      new GetObjectCommand({
        Bucket: object.bucket,
        Key: object.key,
        ...(object.versionId === undefined ? {} : { VersionId: object.versionId }),
      }),
    );
    return {
      body: (await response.Body?.transformToByteArray()) ?? new Uint8Array(),
      contentType: response.ContentType,
      metadata: metadataOf(object, response.Metadata),
    };
  } catch (error) {
    if (error instanceof NoSuchKey) {
      throw new PermanentError(`raw result s3://${object.bucket}/${object.key} does not exist`, {
        cause: error,
      });
    }
    throw error;
  }
};
