export * from './manifest.ts';
export * from './projects.ts';
export * from './synth-error.ts';
export * from './synthesize-all.ts';
export * from './synthesize-project.ts';
