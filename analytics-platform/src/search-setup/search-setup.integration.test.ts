import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  type DocumentType,
  documentTypeTemplate,
  type TemplateDefinition,
} from '@sec-an/contracts/search-index';
import { openSearchClient } from '@sec-an/runtime/opensearch';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { resetOpenSearch } from '@sec-an/testing/reset';
import { handler } from '../handlers/search-setup.ts';
import { platformTemplates } from '../index-templates/index.ts';
import { applyTemplates } from './apply-templates.ts';
import { runSearchSetup } from './search-setup.ts';
import { IncompatibleMappingError } from './search-setup-errors.ts';
import { SearchSetupRequestError } from './setup-request.ts';

const client = () => openSearchClient({ endpoint: testBackends().openSearchEndpoint, auth: 'none' });

const documentType = (
  type: string,
  properties: DocumentType['properties'],
  changeFields: readonly string[] = ['state'],
): DocumentType => ({ task: 'setup-test', type, properties, changeFields, labelFields: ['port'] });

const v1 = documentTypeTemplate(
  documentType('port', { port: { type: 'integer' }, state: { type: 'keyword' } }),
);
const v2 = documentTypeTemplate(
  documentType(
    'port',
    { port: { type: 'integer' }, state: { type: 'keyword' }, service: { type: 'keyword' } },
    ['state', 'service'],
  ),
);

const templateNames = async (kind: 'index' | 'component'): Promise<string[]> => {
  const path = kind === 'index' ? '/_index_template' : '/_component_template';
  const { body } = await client().transport.request({ method: 'GET', path });
  const list = (body as Record<string, { name: string }[]>)[`${kind}_templates`] ?? [];
  return list.map(({ name }) => name);
};

const mappingOf = async (index: string): Promise<Record<string, unknown>> => {
  const { body } = await client().indices.getMapping({ index });
  return (body as Record<string, { mappings: Record<string, unknown> }>)[index]?.mappings ?? {};
};

const write = async (index: string, id: string, document: object): Promise<void> => {
  await client().index({ index, id, body: document, refresh: true });
};

describe('search setup against the real node', () => {
  useCleanBackends();
  // Each case starts from no index and no index template of its own.
  beforeEach(() => resetOpenSearch(testBackends().openSearchEndpoint));

  it('applies component templates before the index templates composed of them', async () => {
    // The platform's list names the metadata component first; given last, it must still be applied first.
    const reversed: TemplateDefinition[] = [...platformTemplates].reverse();
    const report = await applyTemplates(client(), [...reversed, v1]);

    expect(report.componentTemplates).toEqual(['sec-an-document-metadata']);
    expect(report.indexTemplates).toEqual(['dead-letters', 'scan-subjects', 'changes', 'setup-test-port']);
    expect(await templateNames('component')).toContain('sec-an-document-metadata');
    expect(await templateNames('index')).toEqual(
      expect.arrayContaining(['changes', 'scan-subjects', 'dead-letters', 'setup-test-port']),
    );
  });

  it('adds a new field of a template to the existing indices it matches, with the new _meta', async () => {
    await applyTemplates(client(), [...platformTemplates, v1]);
    await write('setup-test-port-snapshot', 'a', { port: 22, state: 'open' });
    await write('setup-test-port-history', 'a@1', { port: 22, state: 'open' });
    await write('changes', 'c', { change: 'appeared' });

    const report = await applyTemplates(client(), [...platformTemplates, v2]);

    expect(report.updatedIndices).toEqual(
      expect.arrayContaining([
        { index: 'changes', template: 'changes' },
        { index: 'setup-test-port-snapshot', template: 'setup-test-port' },
        { index: 'setup-test-port-history', template: 'setup-test-port' },
      ]),
    );
    expect(report.updatedIndices).toHaveLength(3);
    const mapping = await mappingOf('setup-test-port-snapshot');
    expect(mapping).toMatchObject({
      dynamic: 'strict',
      _meta: { 'sec-an': { changeFields: ['state', 'service'] } },
      properties: { service: { type: 'keyword' }, port: { type: 'integer' }, '@timestamp': { type: 'date' } },
    });
    await write('setup-test-port-snapshot', 'b', { port: 80, state: 'open', service: 'http' });
  });

  it('reports a field whose type changed as an incompatible change of that index, after updating the others', async () => {
    const host = (properties: DocumentType['properties']) =>
      documentTypeTemplate(documentType('host', properties, ['port']));
    await applyTemplates(client(), [v1, host({ port: { type: 'integer' } })]);
    await write('setup-test-port-snapshot', 'a', { port: 22, state: 'open' });
    await write('setup-test-host-snapshot', 'a', { port: 22 });
    const changedPort = documentTypeTemplate(
      documentType('port', { port: { type: 'keyword' }, state: { type: 'keyword' } }),
    );
    const grownHost = host({ port: { type: 'integer' }, name: { type: 'keyword' } });

    const attempt = applyTemplates(client(), [changedPort, grownHost]);

    await expect(attempt).rejects.toThrow(IncompatibleMappingError);
    await expect(attempt).rejects.toThrow(
      /1 existing index\(es\) cannot take the new mapping in place; .*: index setup-test-port-snapshot \(template setup-test-port\): mapper \[port\] cannot be changed from type \[integer\] to \[keyword\]$/,
    );
    expect(await templateNames('index')).toContain('setup-test-port');
    expect(await mappingOf('setup-test-port-snapshot')).toMatchObject({
      properties: { port: { type: 'integer' } },
    });
    expect(await mappingOf('setup-test-host-snapshot')).toMatchObject({
      properties: { name: { type: 'keyword' } },
    });
  });

  it('names a template the engine refuses', async () => {
    const broken: TemplateDefinition = {
      kind: 'index',
      name: 'setup-test-broken',
      body: {
        index_patterns: ['setup-test-broken'],
        template: { mappings: { properties: { a: { type: 'nope' } } } },
      },
    };
    await expect(applyTemplates(client(), [broken])).rejects.toThrow(
      /^index template setup-test-broken was refused: .*nope/,
    );
  });

  it('skips saved objects without a Dashboards endpoint and role mappings without a security plugin, saying why', async () => {
    const report = await runSearchSetup(
      {
        templates: [],
        savedObjects: [{ type: 'index-pattern', id: 'changes', attributes: { title: 'changes' } }],
        access: {
          writerRoleArns: ['arn:aws:iam::123456789012:role/writer'],
          dashboardsUserRoleArns: ['arn:aws:iam::123456789012:role/reader'],
        },
      },
      { search: client(), securityPlugin: false },
    );
    expect(report.savedObjects).toEqual({
      status: 'skipped',
      count: 1,
      reason: 'no Dashboards endpoint is configured, so there is nothing to import into',
    });
    expect(report.roleMappings).toEqual({
      status: 'skipped',
      reason: 'the engine has no security plugin (SEC_AN_OPENSEARCH_AUTH=none)',
    });
  });

  it('runs as the function: the request as its event, the local configuration from the environment', async () => {
    const report = await handler({ templates: [...platformTemplates] });
    expect(report).toMatchObject({
      templates: { componentTemplates: ['sec-an-document-metadata'] },
      savedObjects: { status: 'none' },
      roleMappings: { status: 'none' },
    });
    await expect(handler({ templates: [{ kind: 'alias', name: 'x', body: {} }] })).rejects.toThrow(
      SearchSetupRequestError,
    );
    await expect(handler({ templates: [{ kind: 'alias', name: 'x', body: {} }] })).rejects.toThrow(
      /templates\.0\.kind/,
    );
  });
});
