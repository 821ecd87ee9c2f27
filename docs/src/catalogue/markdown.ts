/** Text in a table cell: code spans stay intact, pipes are escaped, an empty cell reads as a dash. */
const cell = (text: string): string =>
  text === '' ? '-' : text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** A Markdown table with padded columns, so the committed file reads well as plain text. */
export const markdownTable = (header: readonly string[], rows: readonly (readonly string[])[]): string => {
  const cells = [header, ...rows].map((row) => header.map((_, index) => cell(row[index] ?? '')));
  const widths = header.map((_, index) => Math.max(3, ...cells.map((row) => (row[index] ?? '').length)));
  const line = (row: readonly string[]) =>
    `| ${row.map((text, index) => text.padEnd(widths[index] ?? 0)).join(' | ')} |`;
  const [head = [], ...body] = cells;
  return [line(head), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...body.map(line)].join(
    '\n',
  );
};

export const code = (text: string): string => `\`${text}\``;

/** Distinct values, sorted, as one cell. */
export const list = (values: Iterable<string>): string => [...new Set(values)].sort().join(', ');
