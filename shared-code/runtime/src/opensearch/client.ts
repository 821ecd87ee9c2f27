import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Client } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws-v3';
import { ConfigurationError } from '../errors/index.ts';

/**
 * How requests to the analytics store authenticate: SigV4 with the function's role against an AWS domain,
 * none against the local node (which has no security plugin). Chosen by configuration (SEC_AN_OPENSEARCH_AUTH),
 * so the code that uses the client is the same in both places.
 */
export type OpenSearchAuth = 'sigv4' | 'none';

export interface OpenSearchClientOptions {
  readonly endpoint: string;
  /** Default: SEC_AN_OPENSEARCH_AUTH, else `sigv4`. */
  readonly auth?: OpenSearchAuth;
  /** Default: AWS_REGION. */
  readonly region?: string;
}

const authFromEnvironment = (): OpenSearchAuth => {
  const auth = process.env.SEC_AN_OPENSEARCH_AUTH ?? 'sigv4';
  if (auth !== 'sigv4' && auth !== 'none') {
    throw new ConfigurationError(`SEC_AN_OPENSEARCH_AUTH must be "sigv4" or "none", not "${auth}"`);
  }
  return auth;
};

const signer = (region: string | undefined) => {
  if (region === undefined || region === '') {
    throw new ConfigurationError('AWS_REGION is not set, and SigV4 signing for OpenSearch needs it');
  }
  return AwsSigv4Signer({ region, service: 'es', getCredentials: defaultProvider() });
};

const clients = new Map<string, Client>();

/** One client per endpoint and process, reused across invocations like the AWS SDK clients. */
export const openSearchClient = (options: OpenSearchClientOptions): Client => {
  const auth = options.auth ?? authFromEnvironment();
  const key = `${auth} ${options.endpoint}`;
  let client = clients.get(key);
  if (client === undefined) {
    client = new Client({
      node: options.endpoint,
      ...(auth === 'sigv4' ? signer(options.region ?? process.env.AWS_REGION) : {}),
    });
    clients.set(key, client);
  }
  return client;
};
