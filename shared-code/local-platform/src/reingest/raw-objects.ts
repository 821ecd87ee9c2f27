import { listObjects } from '../redrive/archive-objects.ts';
import type { TimeWindow } from '../redrive/time-window.ts';

/** A raw object of the lake, as the listing reports it. */
export interface LakeObject {
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  readonly eTag: string;
  /** When it was written. */
  readonly lastModified: Date;
}

const dayMs = 86_400_000;

/**
 * The day folders that can hold objects written in the window. Task runtimes key raw results
 * `<prefix><yyyy>/<mm>/<dd>/<request id>/<file>` by the scan's start (task-execution's rawResultKey), which is
 * before the write: a scan that started the day before `since` may have been written inside the window.
 */
export const dayPrefixes = (keyPrefix: string, window: Required<TimeWindow>): string[] => {
  const prefixes: string[] = [];
  const first = Math.floor(window.since.getTime() / dayMs) - 1;
  const last = Math.floor((window.until.getTime() - 1) / dayMs);
  for (let day = first; day <= last; day += 1) {
    prefixes.push(`${keyPrefix}${new Date(day * dayMs).toISOString().slice(0, 10).replaceAll('-', '/')}/`);
  }
  return prefixes;
};

const listPrefix = async (bucket: string, prefix: string): Promise<LakeObject[]> =>
  (await listObjects(bucket, prefix)).flatMap(({ Key, Size, ETag, LastModified }) =>
    Key === undefined || LastModified === undefined
      ? []
      : [
          {
            bucket,
            key: Key,
            size: Size ?? 0,
            eTag: (ETag ?? '').replaceAll('"', ''),
            lastModified: LastModified,
          },
        ],
  );

/** The raw objects under `keyPrefix` written in the window, in key order (a scan's files together). */
export const listRawObjects = async (
  bucket: string,
  keyPrefix: string,
  window: Required<TimeWindow>,
): Promise<LakeObject[]> => {
  const listed = await Promise.all(
    dayPrefixes(keyPrefix, window).map((prefix) => listPrefix(bucket, prefix)),
  );
  return listed
    .flat()
    .filter(({ lastModified }) => lastModified >= window.since && lastModified < window.until)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
};
