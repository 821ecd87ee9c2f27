export * from './grant-read.ts';
export * from './parameter-reference.ts';
export * from './published-parameter.ts';
