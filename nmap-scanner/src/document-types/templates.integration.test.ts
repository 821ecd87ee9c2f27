import { describe, expect, it } from '@jest/globals';
import {
  documentMetadataTemplate,
  snapshotIndex,
  type TemplateDefinition,
} from '@sec-an/contracts/search-index';
import { openSearchClient } from '@sec-an/runtime/opensearch';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { fixtureNames, parseFixture, parseVulnersDocument } from '../results-parser/test-fixtures.ts';
import { nmapTemplates } from './index.ts';

const put = async (client: ReturnType<typeof openSearchClient>, template: TemplateDefinition) => {
  if (template.kind === 'component') {
    // The component's body is a `template` object, which TemplateDefinition types loosely.
    await client.cluster.putComponentTemplate({
      name: template.name,
      body: template.body as { template: Record<string, unknown> },
    });
  } else {
    await client.indices.putIndexTemplate({ name: template.name, body: template.body });
  }
};

describe('nmap templates on a real OpenSearch node', () => {
  useCleanBackends();

  it('index every document of every fixture under dynamic: strict without a refusal', async () => {
    const client = openSearchClient({ endpoint: testBackends().openSearchEndpoint, auth: 'none' });
    for (const template of [documentMetadataTemplate, ...nmapTemplates]) await put(client, template);
    const outputs = [
      ...(await Promise.all(fixtureNames.map(parseFixture))).flat(),
      ...(await parseVulnersDocument()),
    ];
    const lines = outputs.flatMap(({ result }) =>
      Object.entries(result.documents).flatMap(([type, documents]) =>
        documents.flatMap((document) => [
          { index: { _index: snapshotIndex(result.task, type), _id: document.key } },
          { ...document.fields, '@timestamp': result.endedAt, entity: { key: document.key, type } },
        ]),
      ),
    );
    const response = await client.bulk({ body: lines, refresh: true });
    const refused = (response.body.items as { index: { error?: { reason?: string } } }[]).flatMap(
      (item) => item.index.error?.reason ?? [],
    );
    expect(refused).toEqual([]);
    expect(lines.length / 2).toBeGreaterThan(100);
    const strict = await client.index(
      { index: snapshotIndex('nmap-scanner', 'port'), body: { address: '127.0.0.1', unmapped: 1 } },
      { ignore: [400] },
    );
    expect(JSON.stringify(strict.body)).toContain('strict_dynamic_mapping_exception');
  }, 120_000);
});
