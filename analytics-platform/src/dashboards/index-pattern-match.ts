/**
 * Whether some index name matches both patterns (`*` stands for any run of characters, as in index templates'
 * `index_patterns` and in Dashboards' index patterns). Walks both patterns at once: a state is how much of each
 * has been matched by the name written so far; the name exists if both can be finished together.
 */
export const patternsOverlap = (first: string, second: string): boolean => {
  const failed = new Set<string>();
  /** Where the next character of the name can take the two patterns from (i, j). */
  const steps = (i: number, j: number): [number, number][] => {
    const a = first[i];
    const b = second[j];
    const moves: [number, number][] = [];
    // A star may match nothing more, or one more character the other pattern writes.
    if (a === '*') moves.push([i + 1, j], ...(b === undefined ? [] : ([[i, j + 1]] as [number, number][])));
    if (b === '*') moves.push([i, j + 1], ...(a === undefined ? [] : ([[i + 1, j]] as [number, number][])));
    if (a !== undefined && a !== '*' && a === b) moves.push([i + 1, j + 1]);
    return moves;
  };
  const reachable = (i: number, j: number): boolean => {
    if (i === first.length && j === second.length) return true;
    if (failed.has(`${i},${j}`)) return false;
    if (steps(i, j).some(([next, other]) => reachable(next, other))) return true;
    failed.add(`${i},${j}`);
    return false;
  };
  return reachable(0, 0);
};

/** The patterns an index pattern's title lists (`a-*,b`); exclusions (`-a-old`) only narrow it, so they are left out. */
export const titlePatterns = (title: string): string[] =>
  title
    .split(',')
    .map((pattern) => pattern.trim())
    .filter((pattern) => pattern !== '' && !pattern.startsWith('-'));
