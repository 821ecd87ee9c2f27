import type { z } from 'zod';

/**
 * Field names the ingest writes itself into every indexed document; a document may not carry them, since its
 * own value would be silently replaced.
 */
export const reservedFieldNames = ['@timestamp', 'scan', 'subject', 'entity'] as const;

const maxFieldNameLength = 256;

export type DocumentFields = Record<string, z.core.util.JSONType>;

export const isPlainObject = (value: unknown): value is Readonly<Record<string, unknown>> => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** Where the value stops being JSON (a function, undefined, NaN, a Date...), as a dotted path; or undefined. */
const notJsonAt = (value: unknown, path: string): string | undefined => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const at = notJsonAt(item, `${path}.${index}`);
      if (at !== undefined) return at;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return path;
  for (const [name, item] of Object.entries(value)) {
    const at = notJsonAt(item, `${path}.${name}`);
    if (at !== undefined) return at;
  }
  return undefined;
};

/**
 * What is wrong with a document's fields (JSON values under names of 1 to 256 characters, none of them reserved),
 * or undefined when nothing is.
 */
export const fieldsProblem = (fields: unknown): string | undefined => {
  if (!isPlainObject(fields)) return 'fields are an object of field names to JSON values';
  for (const [name, value] of Object.entries(fields)) {
    if (name.length === 0 || name.length > maxFieldNameLength)
      return `field name "${name.slice(0, 40)}" is not 1 to ${maxFieldNameLength} characters`;
    if ((reservedFieldNames as readonly string[]).includes(name))
      return `a document may not set the fields the ingest writes (${reservedFieldNames.join(', ')}): it sets "${name}"`;
    const at = notJsonAt(value, name);
    if (at !== undefined)
      return `field ${at} is not a JSON value (undefined, NaN, a function or a class instance)`;
  }
  return undefined;
};
