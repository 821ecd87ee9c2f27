export * from './backends.ts';
export * from './config.ts';
export * from './environment.ts';
export * from './state-file.ts';
