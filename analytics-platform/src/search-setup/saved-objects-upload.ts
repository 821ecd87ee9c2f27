import { createHash } from 'node:crypto';
import type { SavedObject } from './setup-request.ts';

/** The saved objects as an export file holds them: one JSON object per line. */
export const savedObjectsNdjson = (objects: readonly SavedObject[]): string =>
  `${objects.map((object) => JSON.stringify(object)).join('\n')}\n`;

export interface MultipartUpload {
  readonly contentType: string;
  readonly body: string;
}

/**
 * The import API takes the file as a multipart form field named `file`. The boundary is derived from the content,
 * so it never occurs in it and the same objects make the same request.
 */
export const savedObjectsUpload = (ndjson: string): MultipartUpload => {
  const boundary = `sec-an-${createHash('sha256').update(ndjson).digest('hex').slice(0, 32)}`;
  const body = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="file"; filename="saved-objects.ndjson"',
    'Content-Type: application/ndjson',
    '',
    ndjson,
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return { contentType: `multipart/form-data; boundary=${boundary}`, body };
};
