import type { Readable } from 'node:stream';
import { GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { ArchiveContent } from './dead-letter-document.ts';

/**
 * Far above the largest record the recorder writes (an SQS message of at most 1 MiB, escaped into JSON), far
 * below a function's memory: a larger object was not written by the recorder and is not read whole.
 */
export const maxArchiveBytes = 4 * 1024 * 1024;

/** Reads an archived object; one that is gone or too large is reported as such rather than failing. */
export const readArchive = async (location: {
  readonly bucket: string;
  readonly key: string;
}): Promise<ArchiveContent> => {
  try {
    const response = await awsClient(S3Client).send(
      new GetObjectCommand({ Bucket: location.bucket, Key: location.key }),
    );
    const size = response.ContentLength ?? 0;
    if (size > maxArchiveBytes) {
      (response.Body as Readable | undefined)?.destroy();
      return { kind: 'too-large', size, limit: maxArchiveBytes };
    }
    const text = (await response.Body?.transformToString('utf8')) ?? '';
    return { kind: 'read', text, size };
  } catch (error) {
    if (error instanceof NoSuchKey) return { kind: 'missing' };
    throw error;
  }
};
