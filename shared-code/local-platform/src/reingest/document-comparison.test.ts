import { describe, expect, it } from '@jest/globals';
import { compareDocuments, differingFields, reindexed } from './document-comparison.ts';
import type { StoredDocument } from './history-documents.ts';

const stored = (id: string, seqNo: number, source: Record<string, unknown>): StoredDocument => ({
  index: 'nmap-scanner-port-history',
  id,
  seqNo,
  primaryTerm: 1,
  source,
});

const port = (parserVersion: string, fields: Record<string, unknown> = {}) => ({
  port: 443,
  service: { name: 'https', cpes: ['cpe:/a:x'] },
  scan: { parserVersion, raw: { bucket: 'b', key: 'raw/k' } },
  ...fields,
});

describe('differingFields', () => {
  it('names the leaves that differ by dotted path, arrays whole, the parser version never', () => {
    expect(
      differingFields(
        port('1.0.0'),
        port('2.0.0', { service: { name: 'http', cpes: ['cpe:/a:y'] }, tls: true }),
      ),
    ).toEqual(['service.cpes', 'service.name', 'tls']);
    expect(differingFields(port('1.0.0'), port('2.0.0'))).toEqual([]);
  });
});

describe('compareDocuments', () => {
  it('sorts documents into identical, changed, new and no longer produced by whether they were written again', () => {
    const before = [
      stored('a', 1, port('1.0.0')),
      stored('b', 2, port('1.0.0')),
      stored('c', 3, port('1.0.0')),
      stored('d', 4, port('1.0.0')),
    ];
    const after = [
      stored('a', 5, port('1.1.0')),
      stored('b', 6, port('1.1.0', { port: 8443 })),
      stored('c', 3, port('1.0.0')),
      stored('e', 7, port('1.1.0')),
    ];
    expect(compareDocuments(before, after)).toEqual({
      identical: ['nmap-scanner-port-history/a'],
      changed: [{ index: 'nmap-scanner-port-history', id: 'b', fields: ['port'] }],
      added: ['nmap-scanner-port-history/e'],
      notProduced: ['nmap-scanner-port-history/c', 'nmap-scanner-port-history/d'],
      parserVersions: { before: ['1.0.0'], after: ['1.0.0', '1.1.0'] },
    });
  });

  it('sees an object as reached once one of its documents moved or a new one came', () => {
    const before = [stored('a', 1, port('1.0.0'))];
    expect(reindexed(before, before)).toBe(false);
    expect(reindexed(before, [stored('a', 2, port('1.0.0'))])).toBe(true);
    expect(reindexed(before, [...before, stored('b', 2, port('1.0.0'))])).toBe(true);
    expect(reindexed([], [])).toBe(false);
  });
});
