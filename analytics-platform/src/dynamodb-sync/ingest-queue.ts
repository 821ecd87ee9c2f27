/** Where the sync finds the ingest queue: analytics-platform publishes it, the sync reads it like any producer. */
export const ingestQueueParameter = {
  project: 'analytics-platform',
  thing: 'ingest-queue',
} as const;

export const ingestQueueUrlParameter = { ...ingestQueueParameter, attribute: 'url' } as const;
export const ingestQueueArnParameter = { ...ingestQueueParameter, attribute: 'arn' } as const;
