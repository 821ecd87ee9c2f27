import type { TemplateDefinition } from '@sec-an/contracts/search-index';
import { queryless } from './aggregation-types.ts';
import { checkFields } from './check-fields.ts';
import { checkIdentity } from './check-identity.ts';
import { checkReferences } from './check-references.ts';
import { SavedObjectQueryError } from './dashboard-errors.ts';
import { queryDsl } from './query-dsl.ts';
import type { SavedObject } from './saved-object.ts';
import { describeProblem, problemOf, type SavedObjectProblem } from './saved-object-problem.ts';
import { dataSourceOf } from './saved-object-set.ts';
import { savedSearchRequest, visualizationRequest } from './search-body.ts';

/** A time range for the dry run: auto intervals need one to be chosen. */
const dryRunOptions = { timeRange: { from: 'now-1d', to: 'now' } } as const;

const translate = (objects: readonly SavedObject[], object: SavedObject): void => {
  if (object.type === 'dashboard') queryDsl(object.attributes.kibanaSavedObjectMeta.searchSourceJSON.query);
  if (object.type === 'search' && dataSourceOf(objects, object) !== undefined) {
    savedSearchRequest(objects, object.id, dryRunOptions);
  }
  if (
    object.type === 'visualization' &&
    !queryless(object.attributes.visState.type) &&
    dataSourceOf(objects, object) !== undefined
  ) {
    visualizationRequest(objects, object.id, dryRunOptions);
  }
};

/** The query runner builds each object's request: what it cannot build, Dashboards' tests cannot prove either. */
const checkTranslation = (objects: readonly SavedObject[]): SavedObjectProblem[] =>
  objects.flatMap((object) => {
    try {
      translate(objects, object);
      return [];
    } catch (error) {
      if (!(error instanceof SavedObjectQueryError)) throw error;
      return [problemOf(object, error.message)];
    }
  });

export interface SavedObjectsToCheck {
  readonly objects: readonly SavedObject[];
  /** Every index and component template the objects' index patterns can reach. */
  readonly templates: readonly TemplateDefinition[];
}

/**
 * Everything that would make a project's saved objects fail in Dashboards: duplicate ids or titles, references
 * that do not resolve, fields the templates do not map (or map with a type that does not fit their use), and
 * aggregations or queries the runner cannot build. Empty when they are sound.
 */
export const checkSavedObjects = ({ objects, templates }: SavedObjectsToCheck): SavedObjectProblem[] => {
  const problems = [
    ...checkIdentity(objects),
    ...checkReferences(objects),
    ...checkFields(objects, templates),
    ...checkTranslation(objects),
  ];
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const description = describeProblem(problem);
    if (seen.has(description)) return false;
    seen.add(description);
    return true;
  });
};
