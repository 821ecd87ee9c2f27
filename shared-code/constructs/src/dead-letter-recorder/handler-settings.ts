/** Where the recorder finds the dead-letter bucket; shared-infra publishes it. */
export const deadLetterBucketParameter = {
  project: 'shared-infra',
  thing: 'dead-letter-bucket',
  attribute: 'name',
} as const;
