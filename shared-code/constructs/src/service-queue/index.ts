export * from './consumable-queue.ts';
export * from './consumed-queue.ts';
export * from './queue-settings.ts';
export * from './service-queue.ts';
