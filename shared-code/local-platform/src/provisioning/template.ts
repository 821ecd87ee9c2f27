import { UnsupportedExpressionError } from './errors.ts';

/** A Terraform string template cut into its literal text and its `${...}` interpolations. */
export type TemplatePart =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'expression'; readonly source: string };

/** Index just past the `"` that closes the string opened before `start`. */
const endOfString = (text: string, start: number): number => {
  let index = start;
  while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
  return index + 1;
};

/** Index just past the `}` that closes the interpolation opened before `start`, skipping quoted strings. */
const closingBrace = (text: string, start: number): number | undefined => {
  let depth = 1;
  let index = start;
  while (index < text.length) {
    const char = text[index];
    if (char === '"') {
      index = endOfString(text, index + 1);
      continue;
    }
    if (char === '{') depth += 1;
    if (char === '}') depth -= 1;
    index += 1;
    if (depth === 0) return index;
  }
  return undefined;
};

// `$${` and `%%{` are escapes of a literal `${` and `%{`; `%{` opens a directive.
const markerPattern = /\$\$\{|%%\{|\$\{|%\{/g;

/** `address` names the resource whose argument holds the template, for the error of a directive. */
export const templateParts = (text: string, address: string): TemplatePart[] => {
  const parts: TemplatePart[] = [];
  let literal = '';
  let index = 0;
  for (const marker of text.matchAll(markerPattern)) {
    if (marker.index < index) continue;
    literal += text.slice(index, marker.index);
    const opened = marker.index + marker[0].length;
    if (marker[0].length === 3) {
      literal += marker[0].slice(1);
      index = opened;
      continue;
    }
    const end = closingBrace(text, opened);
    const source = text.slice(opened, end === undefined ? text.length : end - 1);
    if (marker[0] === '%{') throw new UnsupportedExpressionError(address, source, 'a template directive');
    if (end === undefined) throw new UnsupportedExpressionError(address, source, 'it is not closed');
    if (literal !== '') parts.push({ kind: 'literal', text: literal });
    parts.push({ kind: 'expression', source });
    literal = '';
    index = end;
  }
  literal += text.slice(index);
  if (literal !== '') parts.push({ kind: 'literal', text: literal });
  return parts;
};
