import type { CheckovResult, StackChecks } from './checkov-report.ts';

export interface CheckovTotals {
  readonly failed: number;
  readonly passed: number;
  readonly skipped: number;
  /** Stacks with at least one check result: a stack checkov could not read has none. */
  readonly checkedStacks: number;
}

const resultsOf = (stack: StackChecks): number => stack.passed + stack.skipped + stack.failed.length;

export const totalsOf = (result: CheckovResult): CheckovTotals => ({
  failed: result.stacks.reduce((sum, stack) => sum + stack.failed.length, 0),
  passed: result.stacks.reduce((sum, stack) => sum + stack.passed, 0),
  skipped: result.stacks.reduce((sum, stack) => sum + stack.skipped, 0),
  checkedStacks: result.stacks.filter((stack) => resultsOf(stack) > 0).length,
});

/** Zero failed checks over at least one stack, and every stack's file read. */
export const passes = (result: CheckovResult): boolean => {
  const totals = totalsOf(result);
  return totals.failed === 0 && totals.checkedStacks > 0 && result.parsingErrors.length === 0;
};

/**
 * Deliberately not `N passed, N failed`: CI reads a line of that form as the test runner's closing line, and
 * this one comes before the tests run.
 */
export const summaryLine = (result: CheckovResult): string => {
  const totals = totalsOf(result);
  return `checkov: ${totals.failed} failed checks, ${totals.passed} passed, ${totals.skipped} skipped, over ${totals.checkedStacks} stacks`;
};

const stackLines = (stack: StackChecks): string[] => {
  const name = `${stack.stack.project}/${stack.stack.stack}`;
  if (resultsOf(stack) === 0) return [`  ${name}: not checked`];
  const counts = `${stack.passed} passed, ${stack.skipped} skipped`;
  if (stack.failed.length === 0) return [`  ${name}: ${counts}`];
  return [
    `  ${name}: ${stack.failed.length} FAILED, ${counts}`,
    ...stack.failed.flatMap((check) => [
      `    ${check.checkId} ${check.resource}: ${check.checkName}`,
      ...(check.guideline === undefined ? [] : [`      ${check.guideline}`]),
    ]),
  ];
};

/** Per stack, its counts and each failed check with its resource; then the files checkov could not read. */
export const reportLines = (result: CheckovResult): string[] =>
  result.stacks.length === 0
    ? ['  no stack to check']
    : [
        ...result.stacks.flatMap(stackLines),
        ...result.parsingErrors.map((file) => `  could not parse ${file}`),
      ];
