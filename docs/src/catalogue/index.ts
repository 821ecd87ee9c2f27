export * from './catalogue.ts';
export * from './synthesized-stacks.ts';
