export * from './contract.ts';
export * from './message-attributes.ts';
export * from './parse.ts';
