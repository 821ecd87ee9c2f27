import type { Client } from '@opensearch-project/opensearch';
import { readParameter } from '../parameters/index.ts';
import { openSearchClient } from './client.ts';

/** Where analytics-platform publishes its OpenSearch endpoint (an `https://` URL). */
export const searchEndpointParameter = {
  project: 'analytics-platform',
  thing: 'search-domain',
  attribute: 'endpoint',
} as const;

/** Overrides the published endpoint, as AWS_ENDPOINT_URL does for AWS APIs: the local platform sets it. */
export const searchEndpointVariable = 'SEC_AN_OPENSEARCH_URL';

/** The analytics store's endpoint: the override when set, else the published one (read at call time). */
export const searchEndpoint = async (): Promise<string> => {
  const override = process.env[searchEndpointVariable];
  return override !== undefined && override !== '' ? override : readParameter(searchEndpointParameter);
};

/** The client every handler uses to reach the analytics store. */
export const searchStore = async (): Promise<Client> =>
  openSearchClient({ endpoint: await searchEndpoint() });
