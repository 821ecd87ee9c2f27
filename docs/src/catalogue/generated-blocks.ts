/** A generated part of a Markdown file, between `<!-- generated:<name>:start -->` and its `end` marker. */
const markers = (name: string) => ({
  start: `<!-- generated:${name}:start -->`,
  end: `<!-- generated:${name}:end -->`,
});

export class MissingMarkerError extends Error {
  override readonly name = 'MissingMarkerError';
}

/** The text with each named block's content replaced; every block must already be marked in the text. */
export const replaceGeneratedBlocks = (text: string, blocks: Readonly<Record<string, string>>): string =>
  Object.entries(blocks).reduce((current, [name, content]) => {
    const { start, end } = markers(name);
    const from = current.indexOf(start);
    const to = current.indexOf(end);
    if (from < 0 || to < from) {
      throw new MissingMarkerError(`the catalogue has no "${start}" followed by "${end}": add both markers`);
    }
    return `${current.slice(0, from + start.length)}\n\n${content.trim()}\n\n${current.slice(to)}`;
  }, text);
