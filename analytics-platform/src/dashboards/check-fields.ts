import type { TemplateDefinition } from '@sec-an/contracts/search-index';
import { aggregationTypes, type FieldRequirement, visualizationTypes } from './aggregation-types.ts';
import { activeFilters, filterDsl } from './query-dsl.ts';
import { dslFields, queryFields } from './query-fields.ts';
import type {
  Aggregation,
  DashboardObject,
  IndexPatternObject,
  SavedObject,
  SearchObject,
  SearchSource,
  VisualizationObject,
} from './saved-object.ts';
import { problemOf, type SavedObjectProblem } from './saved-object-problem.ts';
import { dataSourceOf, referencedObject } from './saved-object-set.ts';
import {
  dateTypes,
  type IndexedField,
  indexPatternFields,
  numericTypes,
  templatesMatching,
} from './template-fields.ts';

/** What a use of a field needs of it, beyond being mapped. */
type Need = FieldRequirement | 'searchable' | 'mapped';

interface FieldUse {
  readonly field: string;
  readonly need: Need;
  /** Where the object uses it, for the message: `terms aggregation "2"`, `column`, `query`. */
  readonly usedBy: string;
}

type Fields = ReadonlyMap<string, IndexedField>;

const kindFits: Readonly<
  Record<Exclude<Need, 'searchable' | 'mapped' | 'aggregatable'>, (type: string) => boolean>
> = {
  number: (type) => numericTypes.has(type),
  date: (type) => dateTypes.has(type),
  'number-or-date': (type) => numericTypes.has(type) || dateTypes.has(type),
};

const needDescription: Readonly<Record<string, string>> = {
  number: 'a number',
  date: 'a date',
  'number-or-date': 'a number or a date',
};

/** Why a use of a field fails, or undefined when it is sound. */
const fieldFault = (fields: Fields, use: FieldUse, title: string): string | undefined => {
  if (use.field.includes('*'))
    return `${use.usedBy} names a field pattern, which cannot be checked: name the field`;
  const field = fields.get(use.field);
  if (field === undefined)
    return `${use.usedBy} uses it, but no template of index pattern "${title}" maps it`;
  const [type = 'object', ...others] = field.types;
  if (use.need === 'searchable')
    return field.searchable ? undefined : `${use.usedBy} queries it, but ${type} is not indexed`;
  if (use.need === 'mapped') return undefined;
  // A query matches either mapping; an aggregation needs one type across the indices.
  if (others.length > 0)
    return `${use.usedBy} aggregates on it, but the templates map it as ${field.types.join(' and ')}`;
  if (!field.aggregatable)
    return `${use.usedBy} aggregates or sorts on it, but a ${type} field cannot be aggregated`;
  if (use.need === 'aggregatable' || kindFits[use.need](type)) return undefined;
  return `${use.usedBy} needs ${needDescription[use.need]}, but it is ${type}`;
};

const queryUses = (source: Pick<SearchSource, 'query' | 'filter'>, usedBy: string): FieldUse[] => {
  const fromQuery = queryFields(source.query).fields.map((field) => ({
    field,
    need: 'searchable' as const,
    usedBy: `${usedBy} query`,
  }));
  const fromFilters = activeFilters(source.filter).flatMap((filter, index) =>
    dslFields(filterDsl(filter)).fields.map((field) => ({
      field,
      need: 'searchable' as const,
      usedBy: `${usedBy} filter ${index}`,
    })),
  );
  return [...fromQuery, ...fromFilters];
};

const unreadableFilters = (object: SavedObject, source: Pick<SearchSource, 'filter'>): SavedObjectProblem[] =>
  activeFilters(source.filter).flatMap((filter, index) =>
    dslFields(filterDsl(filter)).unreadable.map((type) =>
      problemOf(object, `filter ${index} is a ${type} query, whose fields cannot be read to check them`),
    ),
  );

interface FilterParam {
  readonly input?: { readonly query: string; readonly language: 'kuery' | 'lucene' };
}

const aggregationUses = (aggregation: Aggregation): FieldUse[] => {
  const usedBy = `${aggregation.type} aggregation "${aggregation.id}"`;
  const requirement = aggregationTypes[aggregation.type]?.field;
  const field = aggregation.params.field;
  const own =
    requirement === undefined
      ? []
      : [{ field: typeof field === 'string' ? field : '', need: requirement, usedBy }];
  const filters = Array.isArray(aggregation.params.filters)
    ? (aggregation.params.filters as FilterParam[])
    : [];
  return [
    ...own,
    ...filters.flatMap((entry) =>
      queryUses({ ...(entry.input === undefined ? {} : { query: entry.input }) }, usedBy),
    ),
  ];
};

const aggregationProblems = (visualization: VisualizationObject): SavedObjectProblem[] => {
  const { type, aggs } = visualization.attributes.visState;
  const visualizationType = visualizationTypes.has(type)
    ? []
    : [problemOf(visualization, `visualisation type "${type}" is not one whose queries can be checked`)];
  const unknown = aggs
    .filter((aggregation) => aggregationTypes[aggregation.type] === undefined)
    .map((aggregation) =>
      problemOf(
        visualization,
        `aggregation "${aggregation.id}" is a ${aggregation.type}, which the checker and runner do not know`,
      ),
    );
  const fieldless = aggs
    .filter(
      (aggregation) =>
        aggregationTypes[aggregation.type]?.field !== undefined &&
        typeof aggregation.params.field !== 'string',
    )
    .map((aggregation) =>
      problemOf(visualization, `${aggregation.type} aggregation "${aggregation.id}" names no field`),
    );
  return [...visualizationType, ...unknown, ...fieldless];
};

/** Field lists per index pattern, worked out once. */
const fieldsFor = (templates: readonly TemplateDefinition[]) => {
  const cache = new Map<string, Fields>();
  return (indexPattern: IndexPatternObject): Fields => {
    const title = indexPattern.attributes.title;
    const known = cache.get(title) ?? indexPatternFields(title, templates);
    cache.set(title, known);
    return known;
  };
};

type FieldsOf = ReturnType<typeof fieldsFor>;

const usesProblems = (
  object: SavedObject,
  indexPattern: IndexPatternObject,
  fields: Fields,
  uses: readonly FieldUse[],
) =>
  uses.flatMap((use) => {
    if (use.field === '') return [];
    const fault = fieldFault(fields, use, indexPattern.attributes.title);
    return fault === undefined ? [] : [problemOf(object, fault, use.field)];
  });

const indexPatternProblems = (
  indexPattern: IndexPatternObject,
  templates: readonly TemplateDefinition[],
  fieldsOf: FieldsOf,
) => {
  const { title, timeFieldName } = indexPattern.attributes;
  if (templatesMatching(title, templates).length === 0) {
    return [problemOf(indexPattern, `"${title}" matches no index template, so none of its fields is known`)];
  }
  try {
    const time =
      timeFieldName === undefined
        ? []
        : [{ field: timeFieldName, need: 'date' as const, usedBy: 'the time field' }];
    return usesProblems(indexPattern, indexPattern, fieldsOf(indexPattern), time);
  } catch (error) {
    return [problemOf(indexPattern, (error as Error).message)];
  }
};

const visualizationUses = (visualization: VisualizationObject): FieldUse[] => [
  ...visualization.attributes.visState.aggs.flatMap(aggregationUses),
  ...queryUses(visualization.attributes.kibanaSavedObjectMeta.searchSourceJSON, 'its'),
];

const searchUses = (search: SearchObject): FieldUse[] => [
  ...search.attributes.columns
    .filter((column) => column !== '_source')
    .map((field) => ({ field, need: 'mapped' as const, usedBy: 'a column' })),
  ...search.attributes.sort.map(([field]) => ({ field, need: 'aggregatable' as const, usedBy: 'the sort' })),
  ...queryUses(search.attributes.kibanaSavedObjectMeta.searchSourceJSON, 'its'),
];

const sourcedProblems = (
  objects: readonly SavedObject[],
  object: SearchObject | VisualizationObject,
  fieldsOf: FieldsOf,
) => {
  const own = object.type === 'visualization' ? aggregationProblems(object) : [];
  const unreadable = unreadableFilters(object, object.attributes.kibanaSavedObjectMeta.searchSourceJSON);
  const source = dataSourceOf(objects, object);
  if (source === undefined) return [...own, ...unreadable];
  const uses = object.type === 'visualization' ? visualizationUses(object) : searchUses(object);
  return [
    ...own,
    ...unreadable,
    ...usesProblems(object, source.indexPattern, safeFields(fieldsOf, source.indexPattern), uses),
  ];
};

/** A template problem is the index pattern's to report; here its fields are simply unknown. */
const safeFields = (fieldsOf: FieldsOf, indexPattern: IndexPatternObject): Fields => {
  try {
    return fieldsOf(indexPattern);
  } catch {
    return new Map();
  }
};

/** A dashboard's query and filters apply to every panel, so their fields must be in every panel's index pattern. */
const dashboardProblems = (
  objects: readonly SavedObject[],
  dashboard: DashboardObject,
  fieldsOf: FieldsOf,
) => {
  const source = dashboard.attributes.kibanaSavedObjectMeta.searchSourceJSON;
  const uses = queryUses(source, "the dashboard's");
  return [
    ...unreadableFilters(dashboard, source),
    ...dashboard.attributes.panelsJSON.flatMap((panel) => {
      const target =
        referencedObject(objects, dashboard, panel.panelRefName, 'visualization') ??
        referencedObject(objects, dashboard, panel.panelRefName, 'search');
      const panelSource = target === undefined ? undefined : dataSourceOf(objects, target);
      if (panelSource === undefined) return [];
      return usesProblems(
        dashboard,
        panelSource.indexPattern,
        safeFields(fieldsOf, panelSource.indexPattern),
        uses,
      );
    }),
  ];
};

/**
 * Every field an object uses is mapped by the templates of the indices its index pattern matches, with a type
 * that fits its use: aggregatable where it is aggregated or sorted on, a date as a time field, a number for an
 * average. Objects whose references do not resolve are left to the reference check.
 */
export const checkFields = (
  objects: readonly SavedObject[],
  templates: readonly TemplateDefinition[],
): SavedObjectProblem[] => {
  const fieldsOf = fieldsFor(templates);
  const problemsOf = (object: SavedObject): SavedObjectProblem[] => {
    switch (object.type) {
      case 'index-pattern':
        return indexPatternProblems(object, templates, fieldsOf);
      case 'search':
      case 'visualization':
        return sourcedProblems(objects, object, fieldsOf);
      case 'dashboard':
        return dashboardProblems(objects, object, fieldsOf);
    }
  };
  return objects.flatMap(problemsOf);
};
