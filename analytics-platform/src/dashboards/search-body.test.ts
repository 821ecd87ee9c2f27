import { describe, expect, it } from '@jest/globals';
import { SavedObjectQueryError } from './dashboard-errors.ts';
import type { SavedObject, VisualizationObject } from './saved-object.ts';
import { savedSearchRequest, visualizationRequest } from './search-body.ts';
import { portObjects } from './test-fixtures.ts';

const now = new Date('2030-06-15T12:00:00.000Z');
const lastWeek = { timeRange: { from: 'now-7d', to: 'now' }, now } as const;

const withVisualization = (id: string, change: (vis: VisualizationObject) => void): SavedObject[] =>
  portObjects().map((object) => {
    if (object.id !== id || object.type !== 'visualization') return object;
    const copy = structuredClone(object);
    change(copy);
    return copy;
  });

describe('visualizationRequest', () => {
  it("nests bucket aggregations in the editor's order, within the time range, on the index pattern's indices", () => {
    expect(visualizationRequest(portObjects(), 'demo-services', lastWeek)).toEqual({
      index: 'demo-port-*',
      body: {
        size: 0,
        track_total_hits: true,
        query: {
          bool: {
            must: [],
            filter: [
              {
                range: {
                  '@timestamp': {
                    gte: '2030-06-08T12:00:00.000Z',
                    lte: '2030-06-15T12:00:00.000Z',
                    format: 'strict_date_optional_time',
                  },
                },
              },
            ],
            must_not: [],
          },
        },
        aggs: {
          '2': {
            // A week in at most 100 bars: 3 hours.
            date_histogram: { field: '@timestamp', fixed_interval: '3h', time_zone: 'UTC', min_doc_count: 1 },
            aggs: { '3': { terms: { field: 'service', size: 5, order: { _count: 'desc' } } } },
          },
        },
      },
    });
  });

  it("adds a saved search's query to the visualisation's own, and computes the metric a terms orders by beneath it", () => {
    const { body } = visualizationRequest(portObjects(), 'demo-web-addresses');
    expect(body.query).toEqual({
      bool: {
        must: [
          { query_string: { query: 'port:(80 OR 443)', analyze_wildcard: true } },
          { query_string: { query: 'service:https', analyze_wildcard: true } },
        ],
        filter: [],
        must_not: [],
      },
    });
    expect(body.aggs).toEqual({
      '2': {
        terms: { field: 'address', size: 10, order: { '1': 'desc' } },
        aggs: { '1': { max: { field: 'port' } } },
      },
    });
  });

  it('applies filters as filters, negated ones as must_not, and leaves disabled ones out', () => {
    const objects = withVisualization('demo-services', (vis) => {
      vis.attributes.kibanaSavedObjectMeta.searchSourceJSON.filter = [
        { meta: { negate: true }, query: { match_phrase: { service: 'ssh' } } },
        { meta: {}, range: { port: { lt: 1024 } } },
        { meta: { disabled: true }, exists: { field: 'banner' } },
      ];
    });
    expect(visualizationRequest(objects, 'demo-services').body.query).toEqual({
      bool: {
        must: [],
        filter: [{ range: { port: { lt: 1024 } } }],
        must_not: [{ match_phrase: { service: 'ssh' } }],
      },
    });
  });

  it("adds a dashboard's query and filters to the panel's", () => {
    const context = {
      query: { query: 'port:22', language: 'lucene' as const },
      filters: [{ meta: {}, term: { service: 'ssh' } }],
    };
    const query = visualizationRequest(portObjects(), 'demo-services', { context }).body.query;
    expect(query).toEqual({
      bool: {
        must: [{ query_string: { query: 'port:22', analyze_wildcard: true } }],
        filter: [{ term: { service: 'ssh' } }],
        must_not: [],
      },
    });
  });

  it('turns calendar units into calendar intervals and lengths into fixed ones', () => {
    const interval = (value: string) =>
      visualizationRequest(
        withVisualization('demo-services', (vis) => {
          const histogram = vis.attributes.visState.aggs.find((each) => each.type === 'date_histogram');
          if (histogram !== undefined) histogram.params.interval = value;
        }),
        'demo-services',
      ).body.aggs as Record<string, { date_histogram: Record<string, unknown> }>;
    expect(interval('d')['2']?.date_histogram).toMatchObject({ calendar_interval: '1d' });
    expect(interval('1M')['2']?.date_histogram).toMatchObject({ calendar_interval: '1M' });
    expect(interval('3h')['2']?.date_histogram).toMatchObject({ fixed_interval: '3h' });
    expect(() => interval('2w')).toThrow('interval "2w" is neither a calendar unit nor a fixed length');
    // Without a time range an automatic interval is left to the engine.
    expect(interval('auto')['2']).toMatchObject({
      auto_date_histogram: { field: '@timestamp', buckets: 50 },
    });
  });

  it('keys a filters aggregation by its labels', () => {
    const objects = withVisualization('demo-services', (vis) => {
      vis.attributes.visState.aggs = [
        { id: '1', type: 'count', schema: 'metric', params: {} },
        {
          id: '2',
          type: 'filters',
          schema: 'segment',
          params: {
            filters: [
              { input: { query: 'port:22', language: 'lucene' }, label: 'ssh' },
              { input: { query: 'port:443', language: 'lucene' } },
            ],
          },
        },
      ];
    });
    expect(visualizationRequest(objects, 'demo-services').body.aggs).toEqual({
      '2': {
        filters: {
          filters: {
            ssh: { query_string: { query: 'port:22', analyze_wildcard: true } },
            'port:443': { query_string: { query: 'port:443', analyze_wildcard: true } },
          },
        },
      },
    });
  });

  it('refuses what it cannot build, naming the aggregation', () => {
    const objects = withVisualization('demo-services', (vis) => {
      const terms = vis.attributes.visState.aggs.find((each) => each.type === 'terms');
      if (terms !== undefined) terms.params.orderBy = '9';
    });
    expect(() => visualizationRequest(objects, 'demo-services')).toThrow(SavedObjectQueryError);
    expect(() => visualizationRequest(objects, 'demo-services')).toThrow(
      'terms aggregation "3": is ordered by "9", which is none of its metrics',
    );
    expect(() => visualizationRequest(portObjects(), 'demo-nothing')).toThrow(
      'no visualization "demo-nothing"',
    );
  });
});

describe('savedSearchRequest', () => {
  it("asks for Discover's sample of documents in the search's order", () => {
    expect(savedSearchRequest(portObjects(), 'demo-web-ports')).toEqual({
      index: 'demo-port-*',
      body: {
        size: 500,
        track_total_hits: true,
        query: {
          bool: {
            must: [{ query_string: { query: 'port:(80 OR 443)', analyze_wildcard: true } }],
            filter: [],
            must_not: [],
          },
        },
        sort: [{ '@timestamp': { order: 'desc' } }],
      },
    });
  });
});
