/** The value at a dotted path of a document's fields (`tls.version`), or undefined. */
export const valueAt = (fields: Readonly<Record<string, unknown>>, path: string): unknown => {
  if (path in fields) return fields[path];
  let value: unknown = fields;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
};

/** A field's value as a change document records it: strings as they are, anything else as JSON. */
export const printedValue = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
};
