/** The `index_patterns` of an index template body, which may be one string or a list. */
export const indexPatternsOf = (body: Readonly<Record<string, unknown>>): string[] => {
  const patterns = body.index_patterns;
  if (typeof patterns === 'string') return [patterns];
  return Array.isArray(patterns) ? patterns.filter((pattern) => typeof pattern === 'string') : [];
};

const escaped = (text: string): string => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Whether an index name matches a template pattern, where `*` stands for any run of characters. */
export const matchesIndexPattern = (index: string, pattern: string): boolean =>
  new RegExp(`^${pattern.split('*').map(escaped).join('.*')}$`).test(index);

/** The indices among `indices` that any of `patterns` matches. */
export const indicesMatching = (indices: readonly string[], patterns: readonly string[]): string[] =>
  indices.filter((index) => patterns.some((pattern) => matchesIndexPattern(index, pattern)));
