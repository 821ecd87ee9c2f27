import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { listKeys, readOptionalObject } from './archive-objects.ts';

/**
 * Beside the archive, not under it: the reporter's rule selects objects created under `dead-letters/`, and a
 * marker is not a dead letter.
 */
export const markerPrefix = 'redriven/';

/** The marker of an archived letter: every time it was sent back, where to, under which new message id. */
export interface RedriveMarker {
  readonly archiveKey: string;
  readonly redrives: readonly {
    readonly at: string;
    readonly sourceQueueArn: string;
    readonly messageId: string;
  }[];
}

export const markerKey = (archiveKey: string): string => `${markerPrefix}${archiveKey}`;

/** The archive keys that have a marker: the letters redriven before. */
export const redrivenKeys = async (bucket: string): Promise<Set<string>> =>
  new Set((await listKeys(bucket, markerPrefix)).map((key) => key.slice(markerPrefix.length)));

/** Adds one redrive to a letter's marker, keeping the earlier ones. */
export const markRedriven = async (
  bucket: string,
  archiveKey: string,
  redrive: RedriveMarker['redrives'][number],
): Promise<void> => {
  const existing = await readOptionalObject(bucket, markerKey(archiveKey));
  const earlier = existing === undefined ? [] : (JSON.parse(existing) as RedriveMarker).redrives;
  const marker: RedriveMarker = { archiveKey, redrives: [...earlier, redrive] };
  await awsClient(S3Client).send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: markerKey(archiveKey),
      Body: JSON.stringify(marker),
      ContentType: 'application/json',
    }),
  );
};
