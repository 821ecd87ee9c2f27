import type { Query } from './saved-object.ts';

/** What a query names: its fields, and the query types that could not be read for fields. */
export interface QueryFields {
  readonly fields: readonly string[];
  readonly unreadable: readonly string[];
}

const blank = (match: string): string => ' '.repeat(match.length);

/**
 * Fields a Lucene query names (`task:nmap-scanner AND scan.parserVersion:1*`). Escapes, quoted phrases and range
 * bounds are blanked first, so a colon inside a value (a time, a URL) is not taken for a field.
 */
export const luceneFields = (text: string): string[] => {
  const plain = text
    .replace(/\\./g, blank)
    .replace(/"[^"]*"/g, blank)
    .replace(/\[[^\]]*\]|\{[^}]*\}/g, blank);
  return [...plain.matchAll(/(?:^|[\s(+!-])([\w@][\w.@*-]*)\s*:/g)].map((match) => match[1] ?? '');
};

export const queryFields = (query: Query | undefined): QueryFields =>
  query === undefined || query.language !== 'lucene'
    ? { fields: [], unreadable: [] }
    : { fields: luceneFields(query.query), unreadable: [] };

const leafQueries = new Set([
  'term',
  'terms',
  'match',
  'match_phrase',
  'match_phrase_prefix',
  'prefix',
  'wildcard',
  'regexp',
  'fuzzy',
  'range',
]);
const compoundClauses = ['must', 'should', 'filter', 'must_not'] as const;
const leafOptions = new Set(['boost', '_name']);

const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

const clauseFields = (type: string, body: Record<string, unknown>): QueryFields => {
  if (leafQueries.has(type))
    return { fields: Object.keys(body).filter((key) => !leafOptions.has(key)), unreadable: [] };
  if (type === 'exists') return { fields: [String(body.field)], unreadable: [] };
  if (type === 'match_all' || type === 'match_none') return { fields: [], unreadable: [] };
  if (type === 'query_string') return { fields: luceneFields(String(body.query ?? '')), unreadable: [] };
  if (type === 'bool')
    return combine(compoundClauses.flatMap((clause) => asList(body[clause]).map(dslFields)));
  return { fields: [], unreadable: [type] };
};

const combine = (parts: readonly QueryFields[]): QueryFields => ({
  fields: parts.flatMap((part) => part.fields),
  unreadable: parts.flatMap((part) => part.unreadable),
});

/** Fields a query DSL names (a filter's query), with the query types this reader does not know. */
export const dslFields = (dsl: unknown): QueryFields => {
  if (typeof dsl !== 'object' || dsl === null) return { fields: [], unreadable: [String(dsl)] };
  return combine(
    Object.entries(dsl).map(([type, body]) => clauseFields(type, (body ?? {}) as Record<string, unknown>)),
  );
};
