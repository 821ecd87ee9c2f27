import { beforeAll, describe, expect, it } from '@jest/globals';
import { entityKey } from '@sec-an/contracts/entity-key';
import { changeIndex, historyIndex, snapshotIndex, subjectIndex } from '@sec-an/contracts/search-index';
import { DependencyUnavailableError } from '@sec-an/runtime/errors';
import { openSearchClient } from '@sec-an/runtime/opensearch';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { ingestResults } from './ingest.ts';
import { MissingTemplateError } from './ingest-errors.ts';
import { defaultIngestSettings } from './ingest-settings.ts';
import { probeResult, probeTask, probeTemplates, putTemplates } from './test-fixtures.ts';

const address = '192.0.2.10';
const at = (hour: number) => `2026-11-21T${String(hour).padStart(2, '0')}:00:00.000Z`;
const ssh = { port: 22, service: 'ssh', product: 'OpenSSH' };
const http = { port: 80, service: 'http', product: 'nginx' };
const https = { port: 443, service: 'https', product: 'nginx' };

const client = () => openSearchClient({ endpoint: testBackends().openSearchEndpoint, auth: 'none' });

const search = async (index: string, query: object = { match_all: {} }) => {
  await client().indices.refresh({ index, ignore_unavailable: true } as never);
  const response = await client().search({ index, body: { query, size: 1000 } as never }, { ignore: [404] });
  const hits = (response.body as { hits?: { hits: { _id: string; _source: Record<string, unknown> }[] } })
    .hits;
  return hits?.hits ?? [];
};

const snapshotPorts = async () =>
  (await search(snapshotIndex(probeTask, 'port'), { term: { address } }))
    .map((hit) => `${hit._source.port}/${hit._source.service}`)
    .sort();

const historyCount = async () => (await search(historyIndex(probeTask, 'port'))).length;

const changesAt = async (endedAt: string) =>
  (await search(changeIndex, { term: { '@timestamp': endedAt } }))
    .map((hit) => {
      const { change, label, field, before, after } = hit._source;
      return [change, label, field, before, after].filter((part) => part !== undefined).join(' ');
    })
    .sort();

const ingest = async (...results: Parameters<typeof probeResult>[]) => {
  const outcomes = await ingestResults(
    client(),
    results.map((args) => probeResult(...args)),
  );
  for (const outcome of outcomes) expect(outcome.error).toBeUndefined();
  return outcomes;
};

describe('ingesting scan results (real OpenSearch)', () => {
  useCleanBackends();
  beforeAll(async () => putTemplates(client(), probeTemplates));

  it('follows a port that opens, changes service and closes, in snapshot, history and changes', async () => {
    await ingest([address, at(1), [ssh, http]]);
    expect(await snapshotPorts()).toEqual(['22/ssh', '80/http']);
    expect(await changesAt(at(1))).toEqual([
      'appeared 192.0.2.10',
      'appeared 192.0.2.10 22 tcp',
      'appeared 192.0.2.10 80 tcp',
    ]);

    await ingest([address, at(2), [ssh, http, https]]);
    expect(await snapshotPorts()).toEqual(['22/ssh', '443/https', '80/http']);
    expect(await changesAt(at(2))).toEqual(['appeared 192.0.2.10 443 tcp']);

    await ingest([address, at(3), [ssh, http, { ...https, service: 'http', product: 'Apache httpd' }]]);
    expect(await snapshotPorts()).toEqual(['22/ssh', '443/http', '80/http']);
    expect(await changesAt(at(3))).toEqual([
      'changed 192.0.2.10 443 tcp product nginx Apache httpd',
      'changed 192.0.2.10 443 tcp service https http',
    ]);

    await ingest([address, at(4), [ssh, http]]);
    expect(await snapshotPorts()).toEqual(['22/ssh', '80/http']);
    expect(await changesAt(at(4))).toEqual(['disappeared 192.0.2.10 443 tcp']);
    expect(await historyCount()).toBe(2 + 3 + 3 + 2);
  });

  it('writes no change for an unchanged rescan, and nothing at all for the same result delivered twice', async () => {
    await ingest([address, at(5), [ssh, http]]);
    expect(await changesAt(at(5))).toEqual([]);
    const before = { history: await historyCount(), changes: (await search(changeIndex)).length };
    await ingest([address, at(5), [ssh, http]], [address, at(5), [ssh, http]]);
    expect({ history: await historyCount(), changes: (await search(changeIndex)).length }).toEqual(before);
    expect(await snapshotPorts()).toEqual(['22/ssh', '80/http']);
  });

  it('keeps a late, older result out of the snapshot and adds it to the history', async () => {
    const history = await historyCount();
    const [outcome] = await ingest([address, at(0), [https]]);
    expect(outcome?.late).toBe(true);
    expect(await snapshotPorts()).toEqual(['22/ssh', '80/http']);
    expect(await historyCount()).toBe(history + 1);
    expect(await changesAt(at(0))).toEqual([]);
  });

  it('orders results of one subject in one batch by scan time, not by arrival', async () => {
    const other = '192.0.2.20';
    await ingest([other, at(7), [ssh]], [other, at(6), [ssh, http]]);
    const ports = await search(snapshotIndex(probeTask, 'port'), { term: { address: other } });
    expect(ports.map((hit) => hit._source.port)).toEqual([22]);
    expect(await changesAt(at(7))).toEqual(['disappeared 192.0.2.20 80 tcp']);
  });

  it("removes a subject's documents of every type a complete result no longer has", async () => {
    const gone = '192.0.2.30';
    await ingest([gone, at(1), [ssh]]);
    await ingest([gone, at(2), [], { documents: {} }]);
    expect(await search(snapshotIndex(probeTask, 'host'), { term: { address: gone } })).toEqual([]);
    expect(await search(snapshotIndex(probeTask, 'port'), { term: { address: gone } })).toEqual([]);
    expect(await changesAt(at(2))).toContain('disappeared 192.0.2.30');
  });

  it('refuses only the document that conflicts with the mapping, and writes the others', async () => {
    const conflicted = '192.0.2.40';
    const [outcome] = await ingestResults(client(), [
      probeResult(conflicted, at(1), [ssh, { port: 8080, service: 'http', product: { not: 'a keyword' } }]),
    ]);
    expect(outcome?.error).toBeUndefined();
    expect(outcome?.refused.map((refused) => [refused.type, refused.document.fields.port])).toEqual([
      ['port', 8080],
    ]);
    expect(outcome?.refused[0]?.reason).toMatch(/mapper_parsing_exception|document_parsing_exception/);
    const ports = await search(snapshotIndex(probeTask, 'port'), { term: { address: conflicted } });
    expect(ports.map((hit) => hit._source.port)).toEqual([22]);
  });

  it('refuses a document over the size bound before sending it, with its size', async () => {
    const large = '192.0.2.50';
    const [outcome] = await ingestResults(
      client(),
      [probeResult(large, at(1), [ssh, { ...http, banner: 'x'.repeat(5000) }])],
      { ...defaultIngestSettings, maxDocumentBytes: 4096 },
    );
    expect(outcome?.refused.map((refused) => refused.document.fields.port)).toEqual([80]);
    expect(outcome?.refused[0]?.reason).toMatch(/port\/[0-9a-f]{64} is \d+ bytes indexed; at most 4096/);
  });

  it('fails a result with a type that has no template, and only that result', async () => {
    const valid = probeResult('192.0.2.60', at(1), [ssh]);
    const unknown = probeResult('192.0.2.61', at(1), [ssh], {
      documents: {
        vulnerability: [{ key: entityKey({ cve: 'CVE-2026-0001' }), fields: { cve: 'CVE-2026-0001' } }],
      },
    });
    const [first, second] = await ingestResults(client(), [valid, unknown]);
    expect(first?.error).toBeUndefined();
    expect(second?.error).toBeInstanceOf(MissingTemplateError);
    expect(String((second?.error as Error | undefined)?.message)).toContain(
      'no index template "probe-scanner-vulnerability"',
    );
    expect(await search(snapshotIndex(probeTask, 'vulnerability'))).toEqual([]);
  });

  it('ingests a batch in groups, each read and planned while the one before is written, as one pass would', async () => {
    const addresses = ['192.0.2.80', '192.0.2.81', '192.0.2.82', '192.0.2.83', '192.0.2.84'];
    const inGroupsOfTwo = { ...defaultIngestSettings, resultsPerGroup: 2 };
    await ingestResults(
      client(),
      addresses.map((each) => probeResult(each, at(11), [ssh, http])),
      inGroupsOfTwo,
    );
    const rescan = addresses.map((each, i) => probeResult(each, at(12), i % 2 === 0 ? [ssh] : [ssh, https]));
    const outcomes = await ingestResults(
      client(),
      [...rescan, probeResult(addresses[0] as string, at(13), [ssh, https])],
      inGroupsOfTwo,
    );
    expect(outcomes.map((outcome) => [outcome.error, outcome.changes])).toEqual([
      [undefined, 1],
      [undefined, 2],
      [undefined, 1],
      [undefined, 2],
      [undefined, 1],
      [undefined, 1],
    ]);
    const ports = await search(snapshotIndex(probeTask, 'port'), { terms: { address: addresses } });
    expect(ports.map((hit) => `${hit._source.address}:${hit._source.port}`).sort()).toEqual([
      '192.0.2.80:22',
      '192.0.2.80:443',
      '192.0.2.81:22',
      '192.0.2.81:443',
      '192.0.2.82:22',
      '192.0.2.83:22',
      '192.0.2.83:443',
      '192.0.2.84:22',
    ]);
    expect(await changesAt(at(13))).toEqual(['appeared 192.0.2.80 443 tcp']);
  });

  it("fails a batch whose subject's state cannot be decoded, saying how to start it afresh", async () => {
    const corrupt = '192.0.2.90';
    await ingest([corrupt, at(1), [ssh]]);
    const id = `${probeTask}/${entityKey({ address: corrupt })}`;
    await client().update({ index: subjectIndex, id, body: { doc: { documents: 'bm90IGRlZmxhdGVk' } } });
    await expect(ingestResults(client(), [probeResult(corrupt, at(2), [ssh])])).rejects.toThrow(
      /cannot be decoded.*delete its document from the subjects index/,
    );
  });

  it('writes nothing for a subject whose state cannot be read, rather than take it for a new one', async () => {
    const known = '192.0.2.70';
    await ingest([known, at(1), [ssh]]);
    const changes = (await search(changeIndex)).length;
    await client().indices.close({ index: subjectIndex });
    try {
      await expect(ingestResults(client(), [probeResult(known, at(2), [ssh, http])])).rejects.toBeInstanceOf(
        DependencyUnavailableError,
      );
    } finally {
      await client().indices.open({ index: subjectIndex });
      await client().cluster.health({ index: subjectIndex, wait_for_status: 'yellow' });
    }
    expect((await search(changeIndex)).length).toBe(changes);
    await ingest([known, at(2), [ssh, http]]);
    expect(await changesAt(at(2))).toContain('appeared 192.0.2.70 80 tcp');
    expect(await changesAt(at(2))).not.toContain('appeared 192.0.2.70 22 tcp');
  });
});
