import type { BackendsState } from './state-file.ts';

/** The stage name of everything the local platform deploys. */
export const localStage = 'local';

/** The region the local platform pretends to be in. */
export const localRegion = 'eu-west-2';

/**
 * The environment that points every AWS SDK client and the OpenSearch client at the local backends: the same
 * variables a Lambda function reads on AWS, so handler code has no local branch.
 */
export const backendsEnvironment = (
  state: Pick<BackendsState, 'motoEndpoint' | 'openSearchEndpoint'>,
): Record<string, string> => ({
  AWS_ENDPOINT_URL: state.motoEndpoint,
  AWS_REGION: localRegion,
  AWS_DEFAULT_REGION: localRegion,
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  SEC_AN_OPENSEARCH_URL: state.openSearchEndpoint,
  SEC_AN_STAGE: localStage,
  SEC_AN_OPENSEARCH_AUTH: 'none',
});
