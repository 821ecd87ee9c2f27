import type { FieldMapping, TemplateDefinition } from '@sec-an/contracts/search-index';
import { MissingComponentTemplateError } from './dashboard-errors.ts';
import { patternsOverlap, titlePatterns } from './index-pattern-match.ts';

/** A field as the indices of an index pattern map it. */
export interface IndexedField {
  readonly name: string;
  /** More than one when the templates the index pattern spans disagree: Dashboards calls that a conflict. */
  readonly types: readonly string[];
  /** Has doc values: terms, histograms, metrics and sorting work on it. */
  readonly aggregatable: boolean;
  /** Indexed: a query can match it. */
  readonly searchable: boolean;
}

/** Field types with doc values by default; `text` has none (fielddata is off), `object` is no value at all. */
const aggregatableTypes = new Set([
  'keyword',
  'constant_keyword',
  'long',
  'integer',
  'short',
  'byte',
  'double',
  'float',
  'half_float',
  'scaled_float',
  'unsigned_long',
  'date',
  'date_nanos',
  'ip',
  'boolean',
]);

export const numericTypes = new Set([
  'long',
  'integer',
  'short',
  'byte',
  'double',
  'float',
  'half_float',
  'scaled_float',
  'unsigned_long',
]);
export const dateTypes = new Set(['date', 'date_nanos']);

/** Fields every index has; `_index` is the one Dashboards offers to aggregate on. */
const metadataFields: readonly IndexedField[] = [
  { name: '_index', types: ['keyword'], aggregatable: true, searchable: true },
  { name: '_id', types: ['keyword'], aggregatable: false, searchable: true },
];

interface Leaf {
  readonly type: string;
  readonly aggregatable: boolean;
  readonly searchable: boolean;
}

const leafOf = (mapping: FieldMapping, insideNested: boolean): Leaf => {
  const type = mapping.type ?? 'object';
  const stored = type !== 'object' && mapping.enabled !== false;
  return {
    type,
    aggregatable: stored && !insideNested && aggregatableTypes.has(type) && mapping.doc_values !== false,
    searchable: stored && mapping.index !== false,
  };
};

/** Dotted paths of a mapping's leaves, multi-fields (`message.keyword`) included. */
const flatten = (
  properties: Readonly<Record<string, FieldMapping>>,
  prefix: string,
  insideNested: boolean,
  into: Map<string, Leaf>,
): Map<string, Leaf> => {
  for (const [name, mapping] of Object.entries(properties)) {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    if (mapping.properties !== undefined) {
      flatten(mapping.properties, path, insideNested || mapping.type === 'nested', into);
      continue;
    }
    into.set(path, leafOf(mapping, insideNested));
    const multiFields = (mapping.fields ?? {}) as Readonly<Record<string, FieldMapping>>;
    for (const [sub, subMapping] of Object.entries(multiFields)) {
      into.set(`${path}.${sub}`, leafOf(subMapping, insideNested));
    }
  }
  return into;
};

const mappingsOf = (template: TemplateDefinition): Readonly<Record<string, FieldMapping>> => {
  const body = template.body as { template?: { mappings?: { properties?: Record<string, FieldMapping> } } };
  return body.template?.mappings?.properties ?? {};
};

const composedOf = (template: TemplateDefinition): readonly string[] =>
  ((template.body as { composed_of?: readonly string[] }).composed_of ?? []) as readonly string[];

const indexPatternsOf = (template: TemplateDefinition): readonly string[] =>
  ((template.body as { index_patterns?: readonly string[] }).index_patterns ?? []) as readonly string[];

/** An index template's fields as an index gets them: its components' in order, then its own over them. */
export const templateFields = (
  template: TemplateDefinition,
  templates: readonly TemplateDefinition[],
): Map<string, Leaf> => {
  const fields = new Map<string, Leaf>();
  for (const name of composedOf(template)) {
    const component = templates.find(
      (candidate) => candidate.kind === 'component' && candidate.name === name,
    );
    if (component === undefined) {
      throw new MissingComponentTemplateError(
        `index template "${template.name}" composes "${name}", which is not given`,
      );
    }
    flatten(mappingsOf(component), '', false, fields);
  }
  return flatten(mappingsOf(template), '', false, fields);
};

/** The index templates whose indices an index pattern (its title) can match. */
export const templatesMatching = (
  title: string,
  templates: readonly TemplateDefinition[],
): TemplateDefinition[] =>
  templates.filter(
    (template) =>
      template.kind === 'index' &&
      titlePatterns(title).some((pattern) =>
        indexPatternsOf(template).some((indexPattern) => patternsOverlap(pattern, indexPattern)),
      ),
  );

const combined = (known: IndexedField | undefined, name: string, leaf: Leaf): IndexedField =>
  known === undefined
    ? { name, types: [leaf.type], aggregatable: leaf.aggregatable, searchable: leaf.searchable }
    : {
        name,
        types: known.types.includes(leaf.type) ? known.types : [...known.types, leaf.type],
        aggregatable: known.aggregatable && leaf.aggregatable,
        searchable: known.searchable && leaf.searchable,
      };

const merge = (fieldSets: readonly Map<string, Leaf>[]): Map<string, IndexedField> => {
  const merged = new Map<string, IndexedField>(metadataFields.map((field) => [field.name, field]));
  for (const fields of fieldSets) {
    for (const [name, leaf] of fields) merged.set(name, combined(merged.get(name), name, leaf));
  }
  return merged;
};

/**
 * The fields of the indices an index pattern matches, as Dashboards would list them: every field of every
 * template the pattern can reach, with a conflict where two templates type a field differently.
 */
export const indexPatternFields = (
  title: string,
  templates: readonly TemplateDefinition[],
): Map<string, IndexedField> =>
  merge(templatesMatching(title, templates).map((template) => templateFields(template, templates)));
