import { describe, expect, it } from '@jest/globals';
import { migrationVersions, toImportNdjson } from './import-ndjson.ts';
import type { SavedObject } from './saved-object.ts';
import { portObjects } from './test-fixtures.ts';

const lines = (objects: readonly SavedObject[]) =>
  toImportNdjson(objects)
    .split('\n')
    .filter((line) => line !== '')
    .map(
      (line) =>
        JSON.parse(line) as { type: string; id: string; attributes: Record<string, unknown> } & Record<
          string,
          unknown
        >,
    );

const lineOf = (id: string) => {
  const line = lines(portObjects()).find((each) => each.id === id);
  if (line === undefined) throw new Error(`no line for ${id}`);
  return line;
};

/** The attributes OpenSearch Dashboards 2.x stores (and exports) for each type the files hold. */
const storedAttributes = {
  'index-pattern': ['timeFieldName', 'title'],
  search: ['columns', 'description', 'hits', 'kibanaSavedObjectMeta', 'sort', 'title', 'version'],
  visualization: [
    'description',
    'kibanaSavedObjectMeta',
    'savedSearchRefName',
    'title',
    'uiStateJSON',
    'version',
    'visState',
  ],
  dashboard: [
    'description',
    'hits',
    'kibanaSavedObjectMeta',
    'optionsJSON',
    'panelsJSON',
    'refreshInterval',
    'timeFrom',
    'timeRestore',
    'timeTo',
    'title',
    'version',
  ],
};

describe('toImportNdjson', () => {
  it('writes one object per line, each a complete import object, referenced objects first', () => {
    const shuffled = [...portObjects()].reverse();
    const rendered = lines(shuffled);
    expect(toImportNdjson(shuffled).endsWith('}\n')).toBe(true);
    expect(rendered.map((line) => line.type)).toEqual([
      'index-pattern',
      'search',
      'visualization',
      'visualization',
      'dashboard',
    ]);
    for (const line of rendered) {
      expect(Object.keys(line).sort()).toEqual([
        'attributes',
        'id',
        'migrationVersion',
        'references',
        'type',
      ]);
      expect(line.migrationVersion).toEqual({
        [line.type]: migrationVersions[line.type as keyof typeof migrationVersions],
      });
      expect(storedAttributes[line.type as keyof typeof storedAttributes]).toEqual(
        expect.arrayContaining(Object.keys(line.attributes)),
      );
    }
  });

  it('stores visState, searchSourceJSON and uiStateJSON as JSON strings, the title inside visState too', () => {
    const { attributes } = lineOf('demo-services');
    const [, , services] = portObjects();
    if (services?.type !== 'visualization') throw new Error('fixture order changed');
    expect(typeof attributes.visState).toBe('string');
    expect(JSON.parse(attributes.visState as string)).toEqual({
      title: 'Services over time',
      type: 'histogram',
      aggs: services.attributes.visState.aggs.map((aggregation) => ({ ...aggregation, enabled: true })),
      params: { type: 'histogram' },
    });
    expect(attributes.uiStateJSON).toBe('{}');
    const meta = attributes.kibanaSavedObjectMeta as { searchSourceJSON: string };
    expect(JSON.parse(meta.searchSourceJSON)).toEqual({
      query: { query: '', language: 'lucene' },
      filter: [],
      indexRefName: 'kibanaSavedObjectMeta.searchSourceJSON.index',
    });
    expect(lineOf('demo-services').references).toEqual([
      { id: 'demo-ports', name: 'kibanaSavedObjectMeta.searchSourceJSON.index', type: 'index-pattern' },
    ]);
  });

  it("stores a dashboard's panels and options as JSON strings, with Dashboards' defaults for what a file leaves out", () => {
    const { attributes } = lineOf('demo-overview');
    expect(JSON.parse(attributes.panelsJSON as string)).toHaveLength(3);
    expect(JSON.parse(attributes.optionsJSON as string)).toEqual({
      useMargins: true,
      hidePanelTitles: false,
    });
    expect(attributes).toMatchObject({
      description: '',
      hits: 0,
      version: 1,
      timeRestore: false,
      title: 'Ports',
    });
  });

  it('keeps a search as Discover saves it: sort pairs, columns, a query as text and language', () => {
    const { attributes } = lineOf('demo-web-ports');
    expect(attributes).toMatchObject({
      columns: ['address', 'port', 'banner'],
      sort: [['@timestamp', 'desc']],
      hits: 0,
    });
    const meta = attributes.kibanaSavedObjectMeta as { searchSourceJSON: string };
    expect(JSON.parse(meta.searchSourceJSON).query).toEqual({
      query: 'port:(80 OR 443)',
      language: 'lucene',
    });
  });
});
