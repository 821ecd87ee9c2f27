/** The part of a JSON Schema (as zod writes it) that the catalogue shows. */
interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxItems?: number;
}

export interface Field {
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
}

/** zod writes an integer's implicit bounds, which say nothing a reader needs. */
const isStated = (bound: number | undefined): bound is number =>
  bound !== undefined && Math.abs(bound) !== Number.MAX_SAFE_INTEGER;

const bounds = (schema: JsonSchema): string => {
  if (isStated(schema.minimum) && isStated(schema.maximum)) return ` ${schema.minimum}..${schema.maximum}`;
  return schema.maxItems === undefined ? '' : ` (at most ${schema.maxItems})`;
};

const typeOf = (schema: JsonSchema): string => {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum !== undefined) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives !== undefined) return [...new Set(alternatives.map(typeOf))].join(' or ');
  if (schema.type === 'array')
    return `${schema.items === undefined ? 'any' : typeOf(schema.items)}[]${bounds(schema)}`;
  if (typeof schema.additionalProperties === 'object') return `map of ${typeOf(schema.additionalProperties)}`;
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
  return `${type}${schema.format === undefined ? '' : ` (${schema.format})`}${bounds(schema)}`;
};

/** The object schema a field's value holds fields of, if any: itself, its items, or a map's values. */
const nestedObject = (schema: JsonSchema): { schema: JsonSchema; suffix: string } | undefined => {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives !== undefined) {
    return alternatives.map(nestedObject).find((nested) => nested !== undefined);
  }
  if (schema.properties !== undefined) return { schema, suffix: '' };
  if (schema.items?.properties !== undefined) return { schema: schema.items, suffix: '[]' };
  const values = schema.additionalProperties;
  if (typeof values === 'object') {
    if (values.properties !== undefined) return { schema: values, suffix: '.*' };
    if (values.items?.properties !== undefined) return { schema: values.items, suffix: '.*[]' };
  }
  return undefined;
};

/** Every field of an object schema, nested ones as dotted paths (`a[]` for an array's items, `a.*` for a map's). */
export const fieldsOf = (schema: JsonSchema, prefix = ''): readonly Field[] =>
  Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const path = `${prefix}${name}`;
    const nested = nestedObject(property);
    const field = { path, type: typeOf(property), required: (schema.required ?? []).includes(name) };
    return nested === undefined ? [field] : [field, ...fieldsOf(nested.schema, `${path}${nested.suffix}.`)];
  });

export type { JsonSchema };
