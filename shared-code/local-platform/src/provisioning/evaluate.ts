import { describePath, walkPath } from './attribute-path.ts';
import { UnresolvedReferenceError, UnsupportedExpressionError } from './errors.ts';
import type { Expression } from './expression.ts';
import type { Reference } from './reference.ts';

/** The value a reference reads; `expression` is the interpolation's source text, for errors. */
export type ReferenceLookup = (reference: Reference, expression: string) => unknown;

interface Evaluation {
  readonly lookup: ReferenceLookup;
  readonly source: string;
  readonly address: string;
}

type TerraformFunction = (args: readonly unknown[], fail: (reason: string) => never) => unknown;

const stringList = (value: unknown, fail: (reason: string) => never): string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string')
    ? value
    : fail(`expected a list of strings, got ${JSON.stringify(value)}`);

/**
 * Only the functions cdktf writes for the stacks of this repository: `join` (a list published as one SSM value)
 * and `tolist` (cdktf's way of indexing a set-typed block with `.get(n)`).
 */
const functions: Readonly<Record<string, TerraformFunction>> = {
  join: ([separator, ...lists], fail) =>
    typeof separator === 'string'
      ? lists.flatMap((list) => stringList(list, fail)).join(separator)
      : fail('join needs a separator string'),
  tolist: ([value], fail) => (Array.isArray(value) ? value : fail('tolist needs a list')),
};

// Roots of Terraform expressions that are not resources or data sources.
const otherRoots = new Set(['var', 'local', 'module', 'each', 'count', 'self', 'path', 'terraform']);

/** The local platform has one Terraform workspace; cdktf names it in cross-stack remote state. */
const workspace = 'default';

const readReference = (
  root: string,
  steps: readonly (string | number)[],
  evaluation: Evaluation,
): unknown => {
  const fail = (reason: string): never => {
    throw new UnsupportedExpressionError(evaluation.address, evaluation.source, reason);
  };
  if (root === 'terraform' && steps.length === 1 && steps[0] === 'workspace') return workspace;
  if (otherRoots.has(root)) return fail(`${root}.* values are not supported`);
  const targetLength = root === 'data' ? 2 : 1;
  const targetSteps = steps.slice(0, targetLength);
  if (targetSteps.length < targetLength || targetSteps.some((step) => typeof step !== 'string')) {
    return fail('it names no resource or data source');
  }
  const reference = { target: [root, ...targetSteps].join('.'), path: steps.slice(targetLength) };
  return evaluation.lookup(reference, evaluation.source);
};

const evaluateExpression = (expression: Expression, evaluation: Evaluation): unknown => {
  const fail = (reason: string): never => {
    throw new UnsupportedExpressionError(evaluation.address, evaluation.source, reason);
  };
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'list':
      return expression.items.map((item) => evaluateExpression(item, evaluation));
    case 'call': {
      const apply = functions[expression.name];
      if (apply === undefined) {
        return fail(
          `function ${expression.name} is not supported locally (only ${Object.keys(functions).join(', ')})`,
        );
      }
      return apply(
        expression.args.map((arg) => evaluateExpression(arg, evaluation)),
        fail,
      );
    }
    case 'variable':
      return readReference(expression.name, [], evaluation);
    case 'access': {
      if (expression.base.kind === 'variable')
        return readReference(expression.base.name, expression.steps, evaluation);
      const value = walkPath(evaluateExpression(expression.base, evaluation), expression.steps);
      if (value !== undefined) return value;
      throw new UnresolvedReferenceError(
        evaluation.address,
        evaluation.source,
        `its value has no ${describePath(expression.steps).slice(1)}`,
      );
    }
  }
};

/** The value of one interpolation, parsed with `parseExpression`. */
export const evaluate = (
  expression: Expression,
  lookup: ReferenceLookup,
  source: string,
  address: string,
): unknown => evaluateExpression(expression, { lookup, source, address });
