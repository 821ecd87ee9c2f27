import { describe, expect, it } from '@jest/globals';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { openSearchClient } from './index.ts';

const ports = [
  { address: '192.0.2.10', port: 22, service: 'ssh' },
  { address: '192.0.2.10', port: 443, service: 'https' },
  { address: '192.0.2.11', port: 443, service: 'https' },
  { address: '192.0.2.12', port: 80, service: 'http' },
];

describe('OpenSearch client (real node)', () => {
  useCleanBackends();
  const client = () => openSearchClient({ endpoint: testBackends().openSearchEndpoint });
  // The client's 3.x typings omit `field` on terms aggregations, which the engine requires.
  const search = (body: object) => client().search({ index: 'ports', body: body as never });

  it('bulk-indexes documents that a search and an aggregation then find', async () => {
    await client().indices.create({
      index: 'ports',
      body: {
        mappings: {
          properties: { address: { type: 'ip' }, port: { type: 'integer' }, service: { type: 'keyword' } },
        },
      },
    });
    const bulk = await client().bulk({
      refresh: 'wait_for',
      body: ports.flatMap((doc) => [{ index: { _index: 'ports', _id: `${doc.address}:${doc.port}` } }, doc]),
    });
    expect(bulk.body.errors).toBe(false);

    const host = await search({
      query: { term: { address: '192.0.2.10' } },
      sort: [{ port: 'asc' }],
      size: 10,
    });
    expect(host.body.hits.hits.map((hit) => hit._source?.port)).toEqual([22, 443]);

    const estate = await search({ size: 0, aggs: { services: { terms: { field: 'service' } } } });
    const aggregations = estate.body.aggregations as { services: { buckets: unknown[] } } | undefined;
    expect(aggregations?.services.buckets).toEqual([
      { key: 'https', doc_count: 2 },
      { key: 'http', doc_count: 1 },
      { key: 'ssh', doc_count: 1 },
    ]);
  });
});
