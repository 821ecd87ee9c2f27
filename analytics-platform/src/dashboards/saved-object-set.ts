import {
  type IndexPatternObject,
  indexRefName,
  type SavedObject,
  type SavedObjectType,
  type SearchObject,
  type SearchSource,
  savedSearchRefName,
  type VisualizationObject,
} from './saved-object.ts';

export type SavedObjectOf<Type extends SavedObjectType> = Extract<SavedObject, { type: Type }>;

export const findObject = <Type extends SavedObjectType>(
  objects: readonly SavedObject[],
  type: Type,
  id: string,
): SavedObjectOf<Type> | undefined =>
  objects.find((object): object is SavedObjectOf<Type> => object.type === type && object.id === id);

/** The object a named reference points to, if the reference exists, has the type and resolves. */
export const referencedObject = <Type extends SavedObjectType>(
  objects: readonly SavedObject[],
  object: SavedObject,
  name: string,
  type: Type,
): SavedObjectOf<Type> | undefined => {
  const reference = object.references.find((candidate) => candidate.name === name);
  return reference?.type === type ? findObject(objects, type, reference.id) : undefined;
};

/** Where a visualisation or search gets its documents: an index pattern and the search sources that narrow it. */
export interface DataSource {
  readonly indexPattern: IndexPatternObject;
  /** Outermost first: a saved search's, then the visualisation's own built on it. */
  readonly searchSources: readonly SearchSource[];
}

const searchSourceOf = (object: SearchObject | VisualizationObject): SearchSource =>
  object.attributes.kibanaSavedObjectMeta.searchSourceJSON;

/** Undefined when a reference it needs does not resolve (the checker says which). */
export const dataSourceOf = (
  objects: readonly SavedObject[],
  object: SearchObject | VisualizationObject,
): DataSource | undefined => {
  if (object.type === 'visualization' && object.attributes.savedSearchRefName !== undefined) {
    const search = referencedObject(objects, object, savedSearchRefName, 'search');
    const parent = search === undefined ? undefined : dataSourceOf(objects, search);
    return parent === undefined
      ? undefined
      : {
          indexPattern: parent.indexPattern,
          searchSources: [...parent.searchSources, searchSourceOf(object)],
        };
  }
  const indexPattern = referencedObject(objects, object, indexRefName, 'index-pattern');
  return indexPattern === undefined ? undefined : { indexPattern, searchSources: [searchSourceOf(object)] };
};
