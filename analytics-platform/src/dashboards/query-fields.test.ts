import { describe, expect, it } from '@jest/globals';
import { dslFields, luceneFields } from './query-fields.ts';

describe('luceneFields', () => {
  it('finds the fields a Lucene query names', () => {
    expect(luceneFields('task:nmap AND (scan.parserVersion:1* OR -@timestamp:[now-1d TO now])')).toEqual([
      'task',
      'scan.parserVersion',
      '@timestamp',
    ]);
  });

  it('does not take colons in phrases, ranges or escapes for fields', () => {
    expect(
      luceneFields('url:"https://a.example:8443/x" AND at:[2030-01-01T10:00:00 TO *] AND key:a\\:b'),
    ).toEqual(['url', 'at', 'key']);
  });

  it('finds none in a query of bare words', () => {
    expect(luceneFields('timeout refused')).toEqual([]);
  });
});

describe('dslFields', () => {
  it('reads the fields of leaf and compound queries', () => {
    expect(
      dslFields({
        bool: {
          filter: [{ term: { task: 'nmap' } }, { range: { port: { gte: 1 }, boost: 2 } }],
          must_not: { exists: { field: 'error.name' } },
          should: [{ query_string: { query: 'service:http' } }],
        },
      }),
    ).toEqual({ fields: ['service', 'task', 'port', 'error.name'], unreadable: [] });
  });

  it('names the query types it cannot read', () => {
    expect(dslFields({ script: { script: 'doc.x' } })).toEqual({ fields: [], unreadable: ['script'] });
  });
});
