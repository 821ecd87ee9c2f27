import { UnsupportedExpressionError } from './errors.ts';

/** `aws_sqs_queue.q.redrive_policy` or `data.aws_region.r.name`, with nested names and `[n]` indexes. */
export interface Reference {
  /** The resource or data source, e.g. `aws_sqs_queue.q` or `data.aws_region.r`. */
  readonly target: string;
  /** The attribute path below it; numbers are list indexes. */
  readonly path: readonly (string | number)[];
}

const identifier = '[A-Za-z_][A-Za-z0-9_-]*';
const step = `\\.${identifier}|\\.\\d+|\\[\\d+\\]|\\["[^"\\\\]*"\\]`;
const traversalPattern = new RegExp(`^${identifier}(?:${step})*$`);
const stepPattern = new RegExp(step, 'g');

// Roots of Terraform expressions that are not resources: cdktf stacks in this repository use none of them.
const otherRoots = new Set(['var', 'local', 'module', 'each', 'count', 'self', 'path', 'terraform']);

const unsupportedReason = (source: string, root: string): string => {
  if (/^[A-Za-z_][\w]*\s*\(/.test(source)) return 'a function call';
  if (source.includes('*')) return 'a splat expression';
  if (otherRoots.has(root)) return `${root}.* values are not supported`;
  return 'an operator, a literal or a conditional, not a reference';
};

const stepValue = (text: string): string | number => {
  if (text.startsWith('["')) return text.slice(2, -2);
  if (text.startsWith('[')) return Number(text.slice(1, -1));
  const name = text.slice(1);
  return /^\d+$/.test(name) ? Number(name) : name;
};

const traversalOf = (text: string, source: string, address: string): Reference => {
  const root = /^[A-Za-z_][\w-]*/.exec(text)?.[0] ?? '';
  if (!traversalPattern.test(text) || otherRoots.has(root)) {
    throw new UnsupportedExpressionError(address, source, unsupportedReason(text, root));
  }
  const steps = [root, ...(text.slice(root.length).match(stepPattern) ?? []).map(stepValue)];
  const targetLength = root === 'data' ? 3 : 2;
  const targetSteps = steps.slice(0, targetLength);
  if (targetSteps.length < targetLength || targetSteps.some((part) => typeof part !== 'string')) {
    throw new UnsupportedExpressionError(address, source, 'it names no resource or data source');
  }
  return { target: targetSteps.join('.'), path: steps.slice(targetLength) };
};

// cdktf writes `.get(n)` on a set-typed block as `tolist(<reference>).n...`: a conversion, not a computation.
const toListPattern = new RegExp(`^tolist\\(\\s*([^()]+?)\\s*\\)((?:${step})*)$`);

/** Parses the source of one interpolation; `address` is the resource that holds it, for the error. */
export const parseReference = (source: string, address: string): Reference => {
  const text = source.trim();
  const toList = toListPattern.exec(text);
  if (toList === null) return traversalOf(text, source, address);
  const inner = traversalOf(toList[1] ?? '', source, address);
  const steps = (toList[2] ?? '').match(stepPattern) ?? [];
  return { target: inner.target, path: [...inner.path, ...steps.map(stepValue)] };
};

const candidatePattern = /(?<![\w.-])(?:data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*/g;

/**
 * Every `type.name` and `data.type.name` that an expression mentions, wherever it sits (inside function calls
 * too), for ordering only: what is not a known address is dropped by the caller, and resolution parses strictly.
 */
export const mentionedAddresses = (source: string): string[] =>
  [...source.replace(/"(?:[^"\\]|\\.)*"/g, '""').matchAll(candidatePattern)].map((match) => match[0]);
