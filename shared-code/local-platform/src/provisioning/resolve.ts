import { UnsupportedExpressionError } from './errors.ts';
import { evaluate, type ReferenceLookup } from './evaluate.ts';
import { parseExpression } from './expression.ts';
import { templateParts } from './template.ts';

export type { ReferenceLookup } from './evaluate.ts';

const interpolationValue = (source: string, lookup: ReferenceLookup, address: string): unknown =>
  evaluate(parseExpression(source, address), lookup, source, address);

const asTemplateText = (value: unknown, source: string, address: string): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new UnsupportedExpressionError(address, source, 'a list or an object inside a longer string');
};

/** A string that is one interpolation takes its value's type (a number, a list); a longer one stays a string. */
const resolveString = (text: string, lookup: ReferenceLookup, address: string): unknown => {
  const parts = templateParts(text, address);
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only?.kind === 'expression') return interpolationValue(only.source, lookup, address);
  return parts
    .map((part) =>
      part.kind === 'literal'
        ? part.text
        : asTemplateText(interpolationValue(part.source, lookup, address), part.source, address),
    )
    .join('');
};

/** Replaces every reference in a value, through nested objects, lists and strings such as policy documents. */
export const resolveValue = (value: unknown, lookup: ReferenceLookup, address: string): unknown => {
  if (typeof value === 'string') return resolveString(value, lookup, address);
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, lookup, address));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveValue(item, lookup, address)]),
    );
  }
  return value;
};

/** Every interpolation source in a value, for ordering. */
export const expressionsIn = (value: unknown, address: string): string[] => {
  if (typeof value === 'string') {
    return templateParts(value, address).flatMap((part) => (part.kind === 'expression' ? [part.source] : []));
  }
  if (Array.isArray(value)) return value.flatMap((item) => expressionsIn(item, address));
  if (typeof value === 'object' && value !== null) {
    return Object.values(value).flatMap((item) => expressionsIn(item, address));
  }
  return [];
};
