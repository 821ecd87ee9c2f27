/**
 * The stacks are synthesized for a stage no one deploys, whose names are then written as the placeholders
 * `{app}` and `{stage}`: `catalogue` cannot be mistaken for part of a resource's own name.
 */
export const catalogueSettings = {
  environment: { SEC_AN_APP: 'sec-an', SEC_AN_STAGE: 'catalogue', AWS_REGION: 'eu-west-2' },
  parameterPrefix: '/sec-an/catalogue/',
  physicalPrefix: 'sec-an-catalogue-',
} as const;

/** A synthesized name with the app and stage written as placeholders. */
export const placeholderName = (name: string): string =>
  name
    .replaceAll(catalogueSettings.parameterPrefix, '/{app}/{stage}/')
    .replaceAll(catalogueSettings.physicalPrefix, '{app}-{stage}-');
