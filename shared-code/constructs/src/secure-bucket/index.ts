export * from './bucket-policy.ts';
export * from './secure-bucket.ts';
export * from './secure-bucket-props.ts';
