import { queryless } from './aggregation-types.ts';
import {
  type DashboardObject,
  indexRefName,
  type SavedObject,
  type SavedObjectType,
  type SearchObject,
  type SearchSource,
  savedSearchRefName,
  type VisualizationObject,
} from './saved-object.ts';
import { problemOf, type SavedObjectProblem } from './saved-object-problem.ts';
import { findObject } from './saved-object-set.ts';

/** A reference name an object's attributes use, and the types it may point to. */
interface UsedName {
  readonly name: string;
  readonly types: readonly SavedObjectType[];
  readonly usedBy: string;
}

const filterNames = (source: SearchSource): UsedName[] =>
  (source.filter ?? []).flatMap((filter, index) =>
    filter.meta.indexRefName === undefined
      ? []
      : [{ name: filter.meta.indexRefName, types: ['index-pattern'] as const, usedBy: `filter ${index}` }],
  );

const sourceNames = (source: SearchSource): UsedName[] => [
  ...(source.indexRefName === undefined
    ? []
    : [{ name: source.indexRefName, types: ['index-pattern'] as const, usedBy: 'its search source' }]),
  ...filterNames(source),
];

const searchProblems = (search: SearchObject): SavedObjectProblem[] =>
  search.attributes.kibanaSavedObjectMeta.searchSourceJSON.indexRefName === undefined
    ? [problemOf(search, `its search source names no index pattern (indexRefName "${indexRefName}")`)]
    : [];

/** A visualisation reads one source: an index pattern or a saved search, never both; text needs neither. */
const visualizationProblems = (visualization: VisualizationObject): SavedObjectProblem[] => {
  const { savedSearchRefName: onSearch, kibanaSavedObjectMeta, visState } = visualization.attributes;
  const onIndexPattern = kibanaSavedObjectMeta.searchSourceJSON.indexRefName !== undefined;
  if (queryless(visState.type)) {
    return onSearch !== undefined || onIndexPattern
      ? [problemOf(visualization, `a ${visState.type} visualisation queries nothing, so it needs no source`)]
      : [];
  }
  if ((onSearch !== undefined) === onIndexPattern) {
    return [
      problemOf(
        visualization,
        'it must read either an index pattern (indexRefName) or a saved search (savedSearchRefName)',
      ),
    ];
  }
  return [];
};

const dashboardProblems = (dashboard: DashboardObject): SavedObjectProblem[] => {
  const panels = dashboard.attributes.panelsJSON;
  return panels.flatMap((panel, index) => [
    ...(panel.gridData.i === panel.panelIndex
      ? []
      : [
          problemOf(
            dashboard,
            `panel ${panel.panelIndex}: gridData.i "${panel.gridData.i}" is not its panelIndex`,
          ),
        ]),
    ...(panels.findIndex((other) => other.panelIndex === panel.panelIndex) === index
      ? []
      : [problemOf(dashboard, `panel index "${panel.panelIndex}" is used by two panels`)]),
  ]);
};

const usedNames = (object: SavedObject): UsedName[] => {
  switch (object.type) {
    case 'index-pattern':
      return [];
    case 'search':
      return sourceNames(object.attributes.kibanaSavedObjectMeta.searchSourceJSON);
    case 'visualization':
      return [
        ...sourceNames(object.attributes.kibanaSavedObjectMeta.searchSourceJSON),
        ...(object.attributes.savedSearchRefName === undefined
          ? []
          : [{ name: savedSearchRefName, types: ['search'] as const, usedBy: 'savedSearchRefName' }]),
      ];
    case 'dashboard':
      return [
        ...filterNames(object.attributes.kibanaSavedObjectMeta.searchSourceJSON),
        ...object.attributes.panelsJSON.map((panel) => ({
          name: panel.panelRefName,
          types: ['visualization', 'search'] as const,
          usedBy: `panel ${panel.panelIndex}`,
        })),
      ];
  }
};

const typeProblems = (object: SavedObject): SavedObjectProblem[] => {
  switch (object.type) {
    case 'search':
      return searchProblems(object);
    case 'visualization':
      return visualizationProblems(object);
    case 'dashboard':
      return dashboardProblems(object);
    default:
      return [];
  }
};

const missingNames = (object: SavedObject, used: readonly UsedName[]): SavedObjectProblem[] =>
  used.flatMap((use) => {
    const reference = object.references.find((candidate) => candidate.name === use.name);
    if (reference === undefined) {
      return [
        problemOf(object, `${use.usedBy} names reference "${use.name}", which the object does not have`),
      ];
    }
    return use.types.includes(reference.type)
      ? []
      : [
          problemOf(
            object,
            `${use.usedBy}: reference "${use.name}" is a ${reference.type}, not a ${use.types.join(' or ')}`,
          ),
        ];
  });

const leftOverNames = (object: SavedObject, used: readonly UsedName[]): SavedObjectProblem[] =>
  object.references.flatMap((reference, index) => {
    if (object.references.findIndex((other) => other.name === reference.name) !== index) {
      return [problemOf(object, `reference "${reference.name}" is given twice`)];
    }
    return used.some((use) => use.name === reference.name)
      ? []
      : [problemOf(object, `reference "${reference.name}" is not used by the object`)];
  });

const targetProblems = (objects: readonly SavedObject[], object: SavedObject): SavedObjectProblem[] =>
  object.references
    .filter((reference) => findObject(objects, reference.type, reference.id) === undefined)
    .map((reference) =>
      problemOf(
        object,
        `reference "${reference.name}" points to ${reference.type} "${reference.id}", which is not among the saved objects`,
      ),
    );

/**
 * Every reference resolves to an object of the set, every name the attributes use is a reference of the right
 * type, and no reference is left over from an edit: Dashboards would show a broken panel or an unknown index.
 */
export const checkReferences = (objects: readonly SavedObject[]): SavedObjectProblem[] =>
  objects.flatMap((object) => {
    const used = usedNames(object);
    return [
      ...typeProblems(object),
      ...missingNames(object, used),
      ...leftOverNames(object, used),
      ...targetProblems(objects, object),
    ];
  });
