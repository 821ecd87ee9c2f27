export * from './trust-anchors.ts';
