import type { SavedObject } from './saved-object.ts';
import { problemOf, type SavedObjectProblem } from './saved-object-problem.ts';

const duplicates = <Key>(
  objects: readonly SavedObject[],
  keyOf: (object: SavedObject) => Key,
): SavedObject[] =>
  objects.filter((object, index) => objects.findIndex((other) => keyOf(other) === keyOf(object)) !== index);

/**
 * One id names one object (an import would let the later replace the earlier), and one title one object of a
 * type (a person picks objects by title, and Dashboards asks which one when two share it).
 */
export const checkIdentity = (objects: readonly SavedObject[]): SavedObjectProblem[] => [
  ...duplicates(objects, (object) => object.id).map((object) =>
    problemOf(object, `id "${object.id}" is used by another object too`),
  ),
  ...duplicates(objects, (object) => `${object.type} ${object.attributes.title}`).map((object) =>
    problemOf(object, `another ${object.type} has the title "${object.attributes.title}"`),
  ),
];
