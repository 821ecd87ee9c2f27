export * from './saved-objects.ts';
