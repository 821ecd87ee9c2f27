import type { SavedObject } from './saved-object.ts';

/** Something in a saved object that would break in Dashboards, named precisely enough to fix. */
export interface SavedObjectProblem {
  readonly object: { readonly type: string; readonly id: string; readonly title: string };
  readonly field?: string;
  readonly reason: string;
}

export const problemOf = (object: SavedObject, reason: string, field?: string): SavedObjectProblem => ({
  object: { type: object.type, id: object.id, title: object.attributes.title },
  ...(field === undefined ? {} : { field }),
  reason,
});

/** `visualization "x" (Title), field "error.message": text cannot be aggregated (terms aggregation "2")` */
export const describeProblem = (problem: SavedObjectProblem): string => {
  const { type, id, title } = problem.object;
  const field = problem.field === undefined ? '' : `, field "${problem.field}"`;
  return `${type} "${id}" (${title})${field}: ${problem.reason}`;
};
