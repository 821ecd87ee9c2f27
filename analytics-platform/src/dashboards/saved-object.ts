import { z } from 'zod';

/**
 * A saved object as a project keeps it in a file: the object an OpenSearch Dashboards export holds, with the
 * attributes Dashboards stores as JSON strings (visState, searchSourceJSON, panelsJSON...) written as JSON, so
 * that a review reads them and a diff shows what changed. Volatile export fields (updated_at, version,
 * migrationVersion) are left out: the import renderer adds what the import needs.
 */

export const savedObjectTypes = ['index-pattern', 'search', 'visualization', 'dashboard'] as const;
export type SavedObjectType = (typeof savedObjectTypes)[number];

const text = z.string().min(1);

export const reference = z.strictObject({ name: text, type: z.enum(savedObjectTypes), id: text });
export type SavedObjectReference = z.output<typeof reference>;

/** Dashboards' query bar: Lucene (query_string) or its own KQL. */
export const query = z.strictObject({ query: z.string(), language: z.enum(['kuery', 'lucene']) });
export type Query = z.output<typeof query>;

/**
 * A filter pill: its `meta` describes it to the editor, the rest (or its `query`) is the query DSL that applies.
 * `meta.indexRefName` names the reference to the index pattern it was made on.
 */
export const filter = z.looseObject({
  meta: z.looseObject({
    alias: z.string().nullable().optional(),
    negate: z.boolean().optional(),
    disabled: z.boolean().optional(),
    indexRefName: text.optional(),
  }),
  $state: z.looseObject({}).optional(),
});
export type Filter = z.output<typeof filter>;

export const indexRefName = 'kibanaSavedObjectMeta.searchSourceJSON.index';

export const searchSource = z.strictObject({
  query: query.optional(),
  filter: z.array(filter).optional(),
  indexRefName: z.literal(indexRefName).optional(),
  highlightAll: z.boolean().optional(),
  version: z.boolean().optional(),
});
export type SearchSource = z.output<typeof searchSource>;

const savedObjectMeta = z.strictObject({ searchSourceJSON: searchSource });

const description = z.string().optional();

export const indexPatternAttributes = z.strictObject({
  title: text,
  /** The date field the time picker filters on; absent for an index pattern without time. */
  timeFieldName: text.optional(),
});

export const searchAttributes = z.strictObject({
  title: text,
  description,
  columns: z.array(text),
  sort: z.array(z.tuple([text, z.enum(['asc', 'desc'])])),
  kibanaSavedObjectMeta: savedObjectMeta,
});

export const aggregation = z.strictObject({
  id: text,
  enabled: z.boolean().optional(),
  type: text,
  schema: text,
  params: z.record(z.string(), z.unknown()),
});
export type Aggregation = z.output<typeof aggregation>;

export const visState = z.strictObject({
  type: text,
  aggs: z.array(aggregation),
  params: z.record(z.string(), z.unknown()),
});
export type VisState = z.output<typeof visState>;

/** Dashboards' name for the reference of a visualisation built on a saved search. */
export const savedSearchRefName = 'search_0';

export const visualizationAttributes = z.strictObject({
  title: text,
  description,
  /** Without a title: the renderer copies the object's title into it, so the two cannot disagree. */
  visState,
  uiStateJSON: z.record(z.string(), z.unknown()).optional(),
  savedSearchRefName: z.literal(savedSearchRefName).optional(),
  kibanaSavedObjectMeta: savedObjectMeta,
});

export const panel = z.strictObject({
  panelIndex: text,
  gridData: z.strictObject({
    x: z.number().int().nonnegative(),
    y: z.number().int().nonnegative(),
    w: z.number().int().positive(),
    h: z.number().int().positive(),
    i: text,
  }),
  version: text,
  embeddableConfig: z.record(z.string(), z.unknown()),
  panelRefName: text,
});
export type Panel = z.output<typeof panel>;

export const dashboardAttributes = z.strictObject({
  title: text,
  description,
  panelsJSON: z.array(panel),
  optionsJSON: z.strictObject({ useMargins: z.boolean(), hidePanelTitles: z.boolean() }).optional(),
  timeRestore: z.boolean(),
  timeFrom: text.optional(),
  timeTo: text.optional(),
  refreshInterval: z.strictObject({ pause: z.boolean(), value: z.number().int().nonnegative() }).optional(),
  kibanaSavedObjectMeta: savedObjectMeta,
});

const objectOf = <Type extends SavedObjectType, Attributes extends z.ZodType>(
  type: Type,
  attributes: Attributes,
) =>
  z.strictObject({
    type: z.literal(type),
    /** Chosen by name and kept: importing a changed object replaces the one with the same id. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lower-case letters, digits and dashes'),
    attributes,
    references: z.array(reference),
  });

export const indexPatternObject = objectOf('index-pattern', indexPatternAttributes);
export const searchObject = objectOf('search', searchAttributes);
export const visualizationObject = objectOf('visualization', visualizationAttributes);
export const dashboardObject = objectOf('dashboard', dashboardAttributes);

export const savedObject = z.discriminatedUnion('type', [
  indexPatternObject,
  searchObject,
  visualizationObject,
  dashboardObject,
]);

export type IndexPatternObject = z.output<typeof indexPatternObject>;
export type SearchObject = z.output<typeof searchObject>;
export type VisualizationObject = z.output<typeof visualizationObject>;
export type DashboardObject = z.output<typeof dashboardObject>;
export type SavedObject = z.output<typeof savedObject>;
