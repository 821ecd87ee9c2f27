export * from './parameter-name.ts';
export * from './read-parameter.ts';
