import { describe, expect, it } from '@jest/globals';
import { PermanentError } from '@sec-an/runtime/errors';
import { rawResultKey } from './raw-results.ts';

describe('rawResultKey', () => {
  const requestId = '0b7c5d1e-8a57-4c55-9c8e-5f3f7b9b0a11';

  it('dates the key by the scan start, in UTC, with every file of a request together', () => {
    expect(rawResultKey(requestId, new Date('2026-11-21T23:59:59.999-01:00'), 'nmap.xml')).toBe(
      `raw/2026/11/22/${requestId}/nmap.xml`,
    );
  });

  it.each([
    ['../escape', 'a file name that climbs out'],
    ['a b.xml', 'a space'],
    ['', 'an empty name'],
    ['x'.repeat(201), 'a name over 200 characters'],
  ])('refuses the file name "%s" (%s)', (fileName) => {
    expect(() => rawResultKey(requestId, new Date(), fileName)).toThrow(PermanentError);
  });

  it('refuses a request id that would need encoding, and an invalid start', () => {
    expect(() => rawResultKey('a/b', new Date(), 'x.json')).toThrow(
      'request id "a/b" cannot name a raw result',
    );
    expect(() => rawResultKey(requestId, new Date(Number.NaN), 'x.json')).toThrow('valid start time');
  });
});
