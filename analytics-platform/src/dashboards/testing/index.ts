import { basename } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Client } from '@opensearch-project/opensearch';
import type { TemplateDefinition } from '@sec-an/contracts/search-index';
import { checkSavedObjects } from '../check-saved-objects.ts';
import { panelsWithoutData, runDashboards } from '../dashboard-data.ts';
import { toImportNdjson } from '../import-ndjson.ts';
import { loadSavedObjects } from '../load-saved-objects.ts';
import type { SavedObject } from '../saved-object.ts';
import { describeProblem } from '../saved-object-problem.ts';
import type { QueryOptions } from '../search-body.ts';

/**
 * The unit tests every project with dashboards runs over its own: its files load, every field they use is mapped
 * by the templates with a type that fits, every reference resolves, and they render into an import body.
 * `templates` are all the project's index patterns reach, with the component templates they compose.
 */
export const describeSavedObjectsOf = (
  projectDirectory: string,
  templates: readonly TemplateDefinition[],
): void => {
  describe(`saved objects of ${basename(projectDirectory)}`, () => {
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
