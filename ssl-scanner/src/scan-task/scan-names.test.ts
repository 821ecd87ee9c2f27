import { describe, expect, it } from '@jest/globals';
import { scanNames } from './scan-names.ts';

describe('scanNames', () => {
  it('scans each name once, lower-cased and without the root dot, in a stable order', () => {
    expect(scanNames(['WWW.example.com.', 'api.example.com', 'www.example.com'], 16)).toEqual({
      scanned: ['api.example.com', 'www.example.com'],
      omitted: [],
      limit: 16,
    });
  });

  it('leaves wildcards out, since no client presents one in SNI', () => {
    expect(scanNames(['*.example.com', 'www.example.com'], 16)).toMatchObject({
      scanned: ['www.example.com'],
      omitted: [{ name: '*.example.com', reason: 'wildcard' }],
    });
  });

  it('scans at most the limit and records the names beyond it', () => {
    const hosts = Array.from({ length: 5 }, (_, index) => `h${index}.example.com`);
    expect(scanNames(hosts, 3)).toEqual({
      scanned: ['h0.example.com', 'h1.example.com', 'h2.example.com'],
      omitted: [
        { name: 'h3.example.com', reason: 'over-limit' },
        { name: 'h4.example.com', reason: 'over-limit' },
      ],
      limit: 3,
    });
  });

  it('has nothing to scan by name for an address without names', () => {
    expect(scanNames([], 16)).toEqual({ scanned: [], omitted: [], limit: 16 });
  });
});
