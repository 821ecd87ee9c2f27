import type {
  DashboardObject,
  IndexPatternObject,
  SavedObject,
  SavedObjectType,
  SearchObject,
  SearchSource,
  VisualizationObject,
} from './saved-object.ts';
import { savedObjectTypes } from './saved-object.ts';

/**
 * The newest migration of each type in OpenSearch Dashboards 2.x: an object that declares it is taken as already
 * in that shape (references extracted, panels in the 7.3 layout, sort as pairs) and is stored as it is.
 */
export const migrationVersions: Readonly<Record<SavedObjectType, string>> = {
  'index-pattern': '7.6.0',
  search: '7.9.3',
  visualization: '7.10.0',
  dashboard: '7.9.3',
};

/** Dashboards' own defaults for what a file may leave out. */
const emptyQuery = { query: '', language: 'kuery' } as const;
const dashboardOptions = { useMargins: true, hidePanelTitles: false } as const;

/** The import object: what an export holds, attributes as Dashboards stores them. */
export interface ImportObject {
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly id: string;
  readonly migrationVersion: Readonly<Record<string, string>>;
  readonly references: readonly { readonly id: string; readonly name: string; readonly type: string }[];
  readonly type: SavedObjectType;
}

const searchSourceJson = (source: SearchSource): string =>
  JSON.stringify({ ...source, query: source.query ?? emptyQuery, filter: source.filter ?? [] });

const savedObjectMeta = (source: SearchSource) => ({ searchSourceJSON: searchSourceJson(source) });

const indexPatternAttributes = ({ attributes }: IndexPatternObject) => ({ ...attributes });

const searchAttributes = ({ attributes }: SearchObject) => ({
  columns: attributes.columns,
  description: attributes.description ?? '',
  hits: 0,
  kibanaSavedObjectMeta: savedObjectMeta(attributes.kibanaSavedObjectMeta.searchSourceJSON),
  sort: attributes.sort,
  title: attributes.title,
  version: 1,
});

const visualizationAttributes = ({ attributes }: VisualizationObject) => ({
  description: attributes.description ?? '',
  kibanaSavedObjectMeta: savedObjectMeta(attributes.kibanaSavedObjectMeta.searchSourceJSON),
  ...(attributes.savedSearchRefName === undefined
    ? {}
    : { savedSearchRefName: attributes.savedSearchRefName }),
  title: attributes.title,
  uiStateJSON: JSON.stringify(attributes.uiStateJSON ?? {}),
  version: 1,
  visState: JSON.stringify({
    title: attributes.title,
    type: attributes.visState.type,
    aggs: attributes.visState.aggs.map((aggregation) => ({
      ...aggregation,
      enabled: aggregation.enabled ?? true,
    })),
    params: attributes.visState.params,
  }),
});

const dashboardAttributes = ({ attributes }: DashboardObject) => {
  const { panelsJSON, optionsJSON, kibanaSavedObjectMeta, description, ...rest } = attributes;
  return {
    ...rest,
    description: description ?? '',
    hits: 0,
    kibanaSavedObjectMeta: savedObjectMeta(kibanaSavedObjectMeta.searchSourceJSON),
    optionsJSON: JSON.stringify(optionsJSON ?? dashboardOptions),
    panelsJSON: JSON.stringify(panelsJSON),
    version: 1,
  };
};

const attributesOf = (object: SavedObject): Record<string, unknown> => {
  switch (object.type) {
    case 'index-pattern':
      return indexPatternAttributes(object);
    case 'search':
      return searchAttributes(object);
    case 'visualization':
      return visualizationAttributes(object);
    case 'dashboard':
      return dashboardAttributes(object);
  }
};

/** One object as the `_import` API takes it. */
export const toImportObject = (object: SavedObject): ImportObject => ({
  attributes: attributesOf(object),
  id: object.id,
  migrationVersion: { [object.type]: migrationVersions[object.type] },
  references: object.references.map(({ id, name, type }) => ({ id, name, type })),
  type: object.type,
});

/**
 * The body of `POST /api/saved_objects/_import?overwrite=true` (sent as the multipart file `file`): one object per
 * line, referenced objects before the objects that reference them.
 */
export const toImportNdjson = (objects: readonly SavedObject[]): string =>
  [...objects]
    .sort((a, b) => savedObjectTypes.indexOf(a.type) - savedObjectTypes.indexOf(b.type))
    .map((object) => `${JSON.stringify(toImportObject(object))}\n`)
    .join('');
