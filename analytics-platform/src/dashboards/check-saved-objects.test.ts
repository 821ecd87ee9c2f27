import { describe, expect, it } from '@jest/globals';
import { checkSavedObjects } from './check-saved-objects.ts';
import type { DashboardObject, SavedObject, SearchObject, VisualizationObject } from './saved-object.ts';
import { describeProblem } from './saved-object-problem.ts';
import { portObjects, portTemplates } from './test-fixtures.ts';

const problems = (objects: readonly SavedObject[], templates = portTemplates): string[] =>
  checkSavedObjects({ objects, templates }).map(describeProblem);

/** The fixture set with one object changed. */
const changed = <Type extends SavedObject>(id: string, change: (object: Type) => void): SavedObject[] =>
  portObjects().map((object) => {
    if (object.id !== id) return object;
    const copy = structuredClone(object) as Type;
    change(copy);
    return copy;
  });

const aggregation = (object: VisualizationObject, id: string) => {
  const found = object.attributes.visState.aggs.find((each) => each.id === id);
  if (found === undefined) throw new Error(`fixture has no aggregation ${id}`);
  return found;
};

describe('checkSavedObjects', () => {
  it('finds nothing wrong with a sound set', () => {
    expect(problems(portObjects())).toEqual([]);
  });

  describe('fields', () => {
    it('refuses a field no template maps, naming the object, the field and the index pattern', () => {
      const objects = changed<VisualizationObject>('demo-services', (vis) => {
        aggregation(vis, '3').params.field = 'product';
      });
      expect(problems(objects)).toEqual([
        'visualization "demo-services" (Services over time), field "product": terms aggregation "3" uses it, but no template of index pattern "demo-port-*" maps it',
      ]);
    });

    it('refuses aggregating on a text field', () => {
      const objects = changed<VisualizationObject>('demo-services', (vis) => {
        aggregation(vis, '3').params.field = 'banner';
      });
      expect(problems(objects)).toEqual([
        'visualization "demo-services" (Services over time), field "banner": terms aggregation "3" aggregates or sorts on it, but a text field cannot be aggregated',
      ]);
    });

    it("accepts the text field's keyword multi-field", () => {
      const objects = changed<VisualizationObject>('demo-services', (vis) => {
        aggregation(vis, '3').params.field = 'banner.keyword';
      });
      expect(problems(objects)).toEqual([]);
    });

    it('refuses a date histogram on a field that is no date', () => {
      const objects = changed<VisualizationObject>('demo-services', (vis) => {
        aggregation(vis, '2').params.field = 'seenAt';
      });
      expect(problems(objects)).toEqual([
        'visualization "demo-services" (Services over time), field "seenAt": date_histogram aggregation "2" needs a date, but it is keyword',
      ]);
    });

    it('refuses an average of a field that is no number', () => {
      const objects = changed<VisualizationObject>('demo-web-addresses', (vis) => {
        aggregation(vis, '1').type = 'avg';
        aggregation(vis, '1').params.field = 'service';
      });
      expect(problems(objects)).toEqual([
        'visualization "demo-web-addresses" (Web addresses), field "service": avg aggregation "1" needs a number, but it is keyword',
      ]);
    });

    it('refuses an index pattern whose time field is no date, or that matches no template', () => {
      const objects = portObjects().map((object) =>
        object.type === 'index-pattern'
          ? { ...object, attributes: { title: 'demo-port-*', timeFieldName: 'seenAt' } }
          : object,
      );
      expect(problems(objects)).toContain(
        'index-pattern "demo-ports" (demo-port-*), field "seenAt": the time field needs a date, but it is keyword',
      );
      const unmatched = portObjects().map((object) =>
        object.type === 'index-pattern' ? { ...object, attributes: { title: 'other-*' } } : object,
      );
      expect(problems(unmatched)).toContain(
        'index-pattern "demo-ports" (other-*): "other-*" matches no index template, so none of its fields is known',
      );
    });

    it('refuses an index template that composes a component it is not given', () => {
      const [, portTemplate] = portTemplates;
      expect(problems(portObjects(), portTemplate === undefined ? [] : [portTemplate])).toContain(
        'index-pattern "demo-ports" (demo-port-*): index template "demo-port" composes "demo-metadata", which is not given',
      );
    });

    it("reads the fields of a search's columns, sort and Lucene query", () => {
      const objects = changed<SearchObject>('demo-web-ports', (search) => {
        search.attributes.columns = ['address', 'hostname'];
        search.attributes.sort = [['banner', 'asc']];
        search.attributes.kibanaSavedObjectMeta.searchSourceJSON.query = {
          query: 'state:open AND port:[1 TO 1024]',
          language: 'lucene',
        };
      });
      expect(problems(objects)).toEqual([
        'search "demo-web-ports" (Web ports), field "hostname": a column uses it, but no template of index pattern "demo-port-*" maps it',
        'search "demo-web-ports" (Web ports), field "banner": the sort aggregates or sorts on it, but a text field cannot be aggregated',
        'search "demo-web-ports" (Web ports), field "state": its query uses it, but no template of index pattern "demo-port-*" maps it',
      ]);
    });

    it("reads a filter's fields and refuses querying a field that is not indexed", () => {
      const objects = changed<VisualizationObject>('demo-services', (vis) => {
        vis.attributes.kibanaSavedObjectMeta.searchSourceJSON.filter = [
          { meta: { negate: true }, query: { match_phrase: { raw: 'x' } } },
        ];
      });
      expect(problems(objects)).toEqual([
        'visualization "demo-services" (Services over time), field "raw": its filter 0 queries it, but object is not indexed',
      ]);
    });

    it("checks a dashboard's query against every panel's index pattern", () => {
      const objects = changed<DashboardObject>('demo-overview', (dashboard) => {
        dashboard.attributes.kibanaSavedObjectMeta.searchSourceJSON.query = {
          query: 'owner:me',
          language: 'lucene',
        };
      });
      expect(problems(objects)).toEqual([
        `dashboard "demo-overview" (Ports), field "owner": the dashboard's query uses it, but no template of index pattern "demo-port-*" maps it`,
      ]);
    });

    it('refuses field patterns, which cannot be checked', () => {
      const objects = changed<SearchObject>('demo-web-ports', (search) => {
        search.attributes.kibanaSavedObjectMeta.searchSourceJSON.query = {
          query: 'scan.*:x',
          language: 'lucene',
        };
      });
      expect(problems(objects)).toEqual([
        'search "demo-web-ports" (Web ports), field "scan.*": its query names a field pattern, which cannot be checked: name the field',
      ]);
    });

    it('refuses a field two templates of the pattern map differently', () => {
      const conflicting = [
        ...portTemplates,
        {
          kind: 'index' as const,
          name: 'demo-port-old',
          body: {
            index_patterns: ['demo-port-old'],
            template: { mappings: { properties: { service: { type: 'text' } } } },
          },
        },
      ];
      expect(problems(portObjects(), conflicting)).toEqual([
        'visualization "demo-services" (Services over time), field "service": terms aggregation "3" aggregates on it, but the templates map it as keyword and text',
      ]);
    });
  });

  describe('references', () => {
    it('refuses a reference to an object that is not in the set', () => {
      const objects = changed<DashboardObject>('demo-overview', (dashboard) => {
        dashboard.references[0] = { name: 'panel_0', type: 'visualization', id: 'demo-gone' };
      });
      expect(problems(objects)).toEqual([
        'dashboard "demo-overview" (Ports): reference "panel_0" points to visualization "demo-gone", which is not among the saved objects',
      ]);
    });

    it('refuses a panel whose reference is missing, and a reference nothing uses', () => {
      const objects = changed<DashboardObject>('demo-overview', (dashboard) => {
        dashboard.references[2] = { name: 'panel_9', type: 'search', id: 'demo-web-ports' };
      });
      expect(problems(objects)).toEqual([
        'dashboard "demo-overview" (Ports): panel 3 names reference "panel_2", which the object does not have',
        'dashboard "demo-overview" (Ports): reference "panel_9" is not used by the object',
      ]);
    });

    it('refuses a reference of the wrong type', () => {
      const objects = changed<VisualizationObject>('demo-web-addresses', (vis) => {
        vis.references = [{ name: 'search_0', type: 'index-pattern', id: 'demo-ports' }];
      });
      expect(problems(objects)).toContain(
        'visualization "demo-web-addresses" (Web addresses): savedSearchRefName: reference "search_0" is a index-pattern, not a search',
      );
    });

    it('refuses a visualisation with no source, or with two', () => {
      const objects = changed<VisualizationObject>('demo-web-addresses', (vis) => {
        vis.attributes.kibanaSavedObjectMeta.searchSourceJSON.indexRefName =
          'kibanaSavedObjectMeta.searchSourceJSON.index';
        vis.references.push({
          name: 'kibanaSavedObjectMeta.searchSourceJSON.index',
          type: 'index-pattern',
          id: 'demo-ports',
        });
      });
      expect(problems(objects)).toContain(
        'visualization "demo-web-addresses" (Web addresses): it must read either an index pattern (indexRefName) or a saved search (savedSearchRefName)',
      );
    });

    it('refuses panels that share a panel index', () => {
      const objects = changed<DashboardObject>('demo-overview', (dashboard) => {
        const [first, second] = dashboard.attributes.panelsJSON;
        if (first !== undefined && second !== undefined) {
          dashboard.attributes.panelsJSON[1] = {
            ...second,
            panelIndex: '1',
            gridData: { ...second.gridData, i: '1' },
          };
        }
      });
      expect(problems(objects)).toEqual([
        'dashboard "demo-overview" (Ports): panel index "1" is used by two panels',
      ]);
    });
  });

  describe('identity', () => {
    it('refuses two objects with one id', () => {
      const objects = changed<SearchObject>('demo-web-ports', (search) => {
        search.id = 'demo-services';
      }).filter((object) => object.type !== 'visualization' || object.id !== 'demo-web-addresses');
      expect(problems(objects)).toContain(
        'visualization "demo-services" (Services over time): id "demo-services" is used by another object too',
      );
    });

    it('refuses two objects of a type with one title', () => {
      const objects = changed<VisualizationObject>('demo-web-addresses', (vis) => {
        vis.attributes.title = 'Services over time';
      });
      expect(problems(objects)).toEqual([
        'visualization "demo-web-addresses" (Services over time): another visualization has the title "Services over time"',
      ]);
    });
  });

  describe('what the runner can build', () => {
    it('refuses an aggregation the runner does not know', () => {
      const objects = changed<VisualizationObject>('demo-services', (vis) => {
        aggregation(vis, '3').type = 'significant_terms';
      });
      expect(problems(objects)).toEqual([
        'visualization "demo-services" (Services over time): aggregation "3" is a significant_terms, which the checker and runner do not know',
        'visualization "demo-services" (Services over time): significant_terms aggregation "3" is not one the runner knows',
      ]);
    });

    it('refuses a visualisation type whose queries are its own', () => {
      const objects = changed<VisualizationObject>('demo-services', (vis) => {
        vis.attributes.visState.type = 'vega';
      });
      expect(problems(objects)).toEqual([
        'visualization "demo-services" (Services over time): visualisation type "vega" is not one whose queries can be checked',
      ]);
    });

    it('refuses a KQL query, which only Dashboards compiles', () => {
      const objects = changed<SearchObject>('demo-web-ports', (search) => {
        search.attributes.kibanaSavedObjectMeta.searchSourceJSON.query = {
          query: 'port > 1000',
          language: 'kuery',
        };
      });
      expect(problems(objects)).toEqual([
        'search "demo-web-ports" (Web ports): the KQL query "port > 1000" cannot be run here: write it in Lucene',
        'visualization "demo-web-addresses" (Web addresses): the KQL query "port > 1000" cannot be run here: write it in Lucene',
      ]);
    });
  });
});
