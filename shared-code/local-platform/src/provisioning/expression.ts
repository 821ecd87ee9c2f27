import { UnsupportedExpressionError } from './errors.ts';

/**
 * The part of Terraform's expression language that cdktf writes for the stacks of this repository: references
 * (`aws_sqs_queue.q.arn`, `data.aws_region.r.name`, with `.name`, `.0`, `[0]` and `["key"]` steps), string and
 * number literals, lists, and function calls. Operators, conditionals, `for` and splats are refused.
 */
export type Expression =
  | { readonly kind: 'literal'; readonly value: string | number }
  | { readonly kind: 'list'; readonly items: readonly Expression[] }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expression[] }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'access'; readonly base: Expression; readonly steps: readonly (string | number)[] };

type Token =
  | { readonly kind: 'identifier' | 'punctuation'; readonly text: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number };

const tokenPattern = /\s*(?:([A-Za-z_][\w-]*)|(\d+(?:\.\d+)?)|("(?:[^"\\]|\\.)*")|([.,()[\]]))/y;

const unsupportedAt = (rest: string): string =>
  rest.startsWith('*') || rest.startsWith('.*') || rest.startsWith('[*')
    ? 'a splat expression'
    : `"${rest[0]}": operators, conditionals and objects are not supported`;

const tokenize = (source: string, fail: (reason: string) => never): Token[] => {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  while (tokenPattern.lastIndex < source.length) {
    if (source.slice(tokenPattern.lastIndex).trim() === '') break;
    const at = tokenPattern.lastIndex;
    const match = tokenPattern.exec(source);
    if (match === null) return fail(unsupportedAt(source.slice(at).trim()));
    const [, identifier, number, string, punctuation] = match;
    if (identifier !== undefined) tokens.push({ kind: 'identifier', text: identifier });
    else if (number !== undefined) tokens.push({ kind: 'number', value: Number(number) });
    else if (string !== undefined) tokens.push({ kind: 'string', value: JSON.parse(string) as string });
    else tokens.push({ kind: 'punctuation', text: punctuation ?? '' });
  }
  return tokens;
};

/** A recursive-descent parser over the tokens of one interpolation. */
class Parser {
  private position = 0;
  private readonly tokens: readonly Token[];
  readonly fail: (reason: string) => never;

  constructor(tokens: readonly Token[], fail: (reason: string) => never) {
    this.tokens = tokens;
    this.fail = fail;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token {
    const token = this.tokens[this.position];
    if (token === undefined) return this.fail('it ends too early');
    this.position += 1;
    return token;
  }

  private isPunctuation(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'punctuation' && token.text === text;
  }

  private expect(text: string): void {
    const token = this.next();
    if (token.kind !== 'punctuation' || token.text !== text) this.fail(`expected "${text}"`);
  }

  /** Items up to `close`, separated by commas, a trailing comma allowed. */
  private sequence(close: string): Expression[] {
    const items: Expression[] = [];
    while (!this.isPunctuation(close)) {
      items.push(this.expression());
      if (!this.isPunctuation(close)) this.expect(',');
    }
    this.expect(close);
    return items;
  }

  private primary(): Expression {
    const token = this.next();
    if (token.kind === 'string' || token.kind === 'number') return { kind: 'literal', value: token.value };
    if (token.kind === 'punctuation') {
      if (token.text === '[') return { kind: 'list', items: this.sequence(']') };
      return this.fail(`unexpected "${token.text}"`);
    }
    if (this.isPunctuation('(')) {
      this.next();
      return { kind: 'call', name: token.text, args: this.sequence(')') };
    }
    return { kind: 'variable', name: token.text };
  }

  private step(): string | number {
    if (this.isPunctuation('.')) {
      this.next();
      const token = this.next();
      if (token.kind === 'identifier') return token.text;
      if (token.kind === 'number' && Number.isInteger(token.value)) return token.value;
      return this.fail('a "." must be followed by a name or an index');
    }
    this.expect('[');
    const index = this.next();
    this.expect(']');
    if (index.kind === 'string' || index.kind === 'number') return index.value;
    return this.fail('only literal indexes are supported');
  }

  expression(): Expression {
    const base = this.primary();
    const steps: (string | number)[] = [];
    while (this.isPunctuation('.') || this.isPunctuation('[')) steps.push(this.step());
    return steps.length === 0 ? base : { kind: 'access', base, steps };
  }

  done(): boolean {
    return this.position === this.tokens.length;
  }
}

/** Parses the source of one interpolation; `address` is the resource that holds it, for errors. */
export const parseExpression = (source: string, address: string): Expression => {
  const fail = (reason: string): never => {
    throw new UnsupportedExpressionError(address, source, reason);
  };
  const parser = new Parser(tokenize(source, fail), fail);
  const expression = parser.expression();
  if (!parser.done()) fail('operators, conditionals and objects are not supported');
  return expression;
};
