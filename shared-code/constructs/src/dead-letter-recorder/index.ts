export * from './dead-letter-record.ts';
export * from './dead-letter-recorder.ts';
export * from './handler-settings.ts';
