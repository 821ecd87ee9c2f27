export type { Attributes } from './applier.ts';
export * from './errors.ts';
export * from './provision.ts';
export type { AppliedResource, StackSummary } from './provision-stack.ts';
export * from './published-value.ts';
export type { SynthesizedStack } from './stack-document.ts';
export * from './synthesized-stacks.ts';
export * from './write-results.ts';
