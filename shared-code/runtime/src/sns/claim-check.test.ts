import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { claimCheckFor, claimCheckKey, claimCheckOf, pointerBody } from './claim-check.ts';

const body = JSON.stringify({ contract: 'c', version: 1, text: 'ünïcode' });
const digest = createHash('sha256').update(body).digest('hex');

describe('claim check pointers', () => {
  it('keys the object by contract, version and content, so the same message maps to the same object', () => {
    expect(claimCheckKey('scan-result', 3, body)).toBe(`claim-checks/scan-result/v3/${digest}.json`);
    expect(claimCheckKey('scan-result', 3, `${body} `)).not.toBe(claimCheckKey('scan-result', 3, body));
  });

  it('records the size in bytes and the SHA-256 of the body', () => {
    expect(claimCheckFor('bucket', 'key', body)).toEqual({
      bucket: 'bucket',
      key: 'key',
      size: Buffer.byteLength(body),
      sha256: digest,
    });
    expect(Buffer.byteLength(body)).toBeGreaterThan(body.length);
  });

  it('recognises a pointer body', () => {
    const claimCheck = claimCheckFor('bucket', 'key', body);
    expect(claimCheckOf(JSON.parse(pointerBody(claimCheck)))).toEqual(claimCheck);
  });

  it('does not take a contract message, or a pointer with anything extra or malformed, for a pointer', () => {
    const claimCheck = claimCheckFor('bucket', 'key', body);
    expect(claimCheckOf(JSON.parse(body))).toBeUndefined();
    expect(claimCheckOf({ claimCheck, contract: 'c', version: 1 })).toBeUndefined();
    expect(claimCheckOf({ claimCheck: { ...claimCheck, sha256: 'abc' } })).toBeUndefined();
    expect(claimCheckOf({ claimCheck: { ...claimCheck, size: -1 } })).toBeUndefined();
    expect(claimCheckOf(null)).toBeUndefined();
  });
});
