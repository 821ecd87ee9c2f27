import { basename } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Client } from '@opensearch-project/opensearch';
import { changeIndex, type TemplateDefinition } from '@sec-an/contracts/search-index';
import { checkSavedObjects } from '../check-saved-objects.ts';
import { panelsWithoutData, runDashboards } from '../dashboard-data.ts';
import { toImportNdjson } from '../import-ndjson.ts';
import { loadSavedObjects } from '../load-saved-objects.ts';
import type { SavedObject } from '../saved-object.ts';
import { describeProblem } from '../saved-object-problem.ts';
import { type QueryOptions, savedSearchRequest, visualizationRequest } from '../search-body.ts';

export interface SavedObjectsTestOptions {
  /** The task whose changes alone the project's queries of the change index may show. Default: no such check. */
  readonly changesOfTask?: string;
}

const referencedIds = (objects: readonly SavedObject[], types: readonly string[]): Set<string> =>
  new Set(
    objects.flatMap((object) =>
      object.references.filter((reference) => types.includes(reference.type)).map(({ id }) => id),
    ),
  );

/** The queries the project's searches and visualisations send, as Dashboards would. */
const requestsOf = (objects: readonly SavedObject[]) =>
  objects.flatMap((object) => {
    if (object.type === 'search') return [savedSearchRequest(objects, object.id)];
    if (object.type === 'visualization') return [visualizationRequest(objects, object.id)];
    return [];
  });

/**
 * The unit tests every project with dashboards runs over its own: its files load, every field they use is mapped
 * by the templates with a type that fits, every reference resolves, they render into an import body, every id is
 * the project's, every visualisation is on a dashboard (so the data tests run each) and no search or index
 * pattern is left unused. `templates` are all the project's index patterns reach, with the component templates
 * they compose.
 */
export const describeSavedObjectsOf = (
  projectDirectory: string,
  templates: readonly TemplateDefinition[],
  options: SavedObjectsTestOptions = {},
): void => {
  const project = basename(projectDirectory);
  describe(`saved objects of ${project}`, () => {
    const objects = () => loadSavedObjects(projectDirectory);

    it('load from their files', () => {
      expect(objects().length).toBeGreaterThan(0);
    });

    it('use only fields the templates map, with types that fit, and references that resolve', () => {
      expect(checkSavedObjects({ objects: objects(), templates }).map(describeProblem)).toEqual([]);
    });

    it('render into an import body of one object per line', () => {
      const lines = toImportNdjson(objects()).trimEnd().split('\n');
      expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(
        expect.arrayContaining(objects().map((object) => object.id)),
      );
      expect(lines).toHaveLength(objects().length);
    });

    it('are named for their project, every visualisation on a dashboard, no search or index pattern unused', () => {
      const all = objects();
      expect(all.filter((object) => !object.id.startsWith(`${project}-`)).map(({ id }) => id)).toEqual([]);
      const onDashboards = referencedIds(
        all.filter((object) => object.type === 'dashboard'),
        ['visualization', 'search'],
      );
      const offDashboards = all.filter(
        (object) => object.type === 'visualization' && !onDashboards.has(object.id),
      );
      expect(offDashboards.map(({ id }) => id)).toEqual([]);
      const used = referencedIds(all, ['search', 'index-pattern']);
      const unused = all.filter(
        (object) => (object.type === 'search' || object.type === 'index-pattern') && !used.has(object.id),
      );
      expect(unused.map(({ id }) => id)).toEqual([]);
    });

    const task = options.changesOfTask;
    if (task !== undefined) {
      it(`query the change index for the ${task} task's changes only`, () => {
        const onChanges = requestsOf(objects()).filter((request) => request.index === changeIndex);
        expect(onChanges.length).toBeGreaterThan(0);
        for (const request of onChanges)
          expect(JSON.stringify(request.body.query)).toContain(`task:\\"${task}\\"`);
      });
    }
  });
};

/**
 * For a project's integration test, once its data is indexed: every panel of every dashboard returns data, as
 * Dashboards would query it. Fails naming each empty panel.
 */
export const expectDashboardsToShowData = async (
  client: Client,
  objects: readonly SavedObject[],
  options: QueryOptions = {},
): Promise<void> => {
  const dashboards = await runDashboards(client, objects, options);
  expect(dashboards.length).toBeGreaterThan(0);
  expect(panelsWithoutData(objects, dashboards)).toEqual([]);
};
export * from './dashboards-over-results.ts';
