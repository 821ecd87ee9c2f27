import type { TemplateDefinition } from '@sec-an/contracts/search-index';
import type { SavedObject } from './saved-object.ts';

/** A component of metadata and an index template of ports that composes it, as a task project declares them. */
export const portTemplates: readonly TemplateDefinition[] = [
  {
    kind: 'component',
    name: 'demo-metadata',
    body: {
      template: {
        mappings: {
          properties: { '@timestamp': { type: 'date' }, scan: { properties: { id: { type: 'keyword' } } } },
        },
      },
    },
  },
  {
    kind: 'index',
    name: 'demo-port',
    body: {
      index_patterns: ['demo-port-snapshot', 'demo-port-history'],
      composed_of: ['demo-metadata'],
      template: {
        mappings: {
          properties: {
            address: { type: 'ip' },
            port: { type: 'integer' },
            service: { type: 'keyword' },
            banner: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
            seenAt: { type: 'keyword' },
            raw: { type: 'object', enabled: false },
          },
        },
      },
    },
  },
];

const index = 'kibanaSavedObjectMeta.searchSourceJSON.index';
const lucene = (query = '') => ({ query, language: 'lucene' as const });

/** A sound set: an index pattern, a saved search, a chart on each, a dashboard of them. */
export const portObjects = (): SavedObject[] => [
  {
    type: 'index-pattern',
    id: 'demo-ports',
    attributes: { title: 'demo-port-*', timeFieldName: '@timestamp' },
    references: [],
  },
  {
    type: 'search',
    id: 'demo-web-ports',
    attributes: {
      title: 'Web ports',
      columns: ['address', 'port', 'banner'],
      sort: [['@timestamp', 'desc']],
      kibanaSavedObjectMeta: {
        searchSourceJSON: { query: lucene('port:(80 OR 443)'), filter: [], indexRefName: index },
      },
    },
    references: [{ name: index, type: 'index-pattern', id: 'demo-ports' }],
  },
  {
    type: 'visualization',
    id: 'demo-services',
    attributes: {
      title: 'Services over time',
      visState: {
        type: 'histogram',
        aggs: [
          { id: '1', type: 'count', schema: 'metric', params: {} },
          {
            id: '2',
            type: 'date_histogram',
            schema: 'segment',
            params: { field: '@timestamp', interval: 'auto' },
          },
          {
            id: '3',
            type: 'terms',
            schema: 'group',
            params: { field: 'service', size: 5, order: 'desc', orderBy: '1' },
          },
        ],
        params: { type: 'histogram' },
      },
      kibanaSavedObjectMeta: { searchSourceJSON: { query: lucene(), filter: [], indexRefName: index } },
    },
    references: [{ name: index, type: 'index-pattern', id: 'demo-ports' }],
  },
  {
    type: 'visualization',
    id: 'demo-web-addresses',
    attributes: {
      title: 'Web addresses',
      visState: {
        type: 'table',
        aggs: [
          { id: '1', type: 'max', schema: 'metric', params: { field: 'port' } },
          {
            id: '2',
            type: 'terms',
            schema: 'bucket',
            params: { field: 'address', size: 10, order: 'desc', orderBy: '1' },
          },
        ],
        params: {},
      },
      savedSearchRefName: 'search_0',
      kibanaSavedObjectMeta: { searchSourceJSON: { query: lucene('service:https'), filter: [] } },
    },
    references: [{ name: 'search_0', type: 'search', id: 'demo-web-ports' }],
  },
  {
    type: 'dashboard',
    id: 'demo-overview',
    attributes: {
      title: 'Ports',
      panelsJSON: [
        {
          panelIndex: '1',
          gridData: { x: 0, y: 0, w: 24, h: 15, i: '1' },
          version: '2.19.0',
          embeddableConfig: {},
          panelRefName: 'panel_0',
        },
        {
          panelIndex: '2',
          gridData: { x: 24, y: 0, w: 24, h: 15, i: '2' },
          version: '2.19.0',
          embeddableConfig: {},
          panelRefName: 'panel_1',
        },
        {
          panelIndex: '3',
          gridData: { x: 0, y: 15, w: 48, h: 15, i: '3' },
          version: '2.19.0',
          embeddableConfig: {},
          panelRefName: 'panel_2',
        },
      ],
      timeRestore: false,
      kibanaSavedObjectMeta: { searchSourceJSON: { query: lucene(), filter: [] } },
    },
    references: [
      { name: 'panel_0', type: 'visualization', id: 'demo-services' },
      { name: 'panel_1', type: 'visualization', id: 'demo-web-addresses' },
      { name: 'panel_2', type: 'search', id: 'demo-web-ports' },
    ],
  },
];
