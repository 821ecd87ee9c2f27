import { describe, expect, it } from '@jest/globals';
import { savedObjectsNdjson, savedObjectsUpload } from './saved-objects-upload.ts';

const objects = [
  { type: 'index-pattern', id: 'changes', attributes: { title: 'changes', timeFieldName: '@timestamp' } },
  { type: 'dashboard', id: 'change-events', attributes: { title: 'Change events' } },
];

describe('saved objects upload', () => {
  it('writes one object per line, as an export file does', () => {
    const lines = savedObjectsNdjson(objects).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(0, 2).map((line) => JSON.parse(line))).toEqual(objects);
    expect(lines[2]).toBe('');
  });

  it('sends the file as the form field the import API reads, between boundaries it does not contain', () => {
    const ndjson = savedObjectsNdjson(objects);
    const upload = savedObjectsUpload(ndjson);
    const boundary = /boundary=(.+)$/.exec(upload.contentType)?.[1] ?? '';
    expect(upload.contentType).toMatch(/^multipart\/form-data; boundary=sec-an-[0-9a-f]{32}$/);
    expect(ndjson).not.toContain(boundary);
    expect(upload.body).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="saved-objects.ndjson"\r\n` +
        `Content-Type: application/ndjson\r\n\r\n${ndjson}\r\n--${boundary}--\r\n`,
    );
    expect(savedObjectsUpload(ndjson)).toEqual(upload);
  });
});
