/**
 * One way to construct AWS SDK clients. Endpoint, region and credentials come from the environment the SDK
 * already reads (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_REGION`, ...), so the same code runs
 * on AWS and against the local platform. Clients are created once per process and reused across invocations.
 */

interface ClientConfig {
  forcePathStyle?: boolean;
  maxAttempts?: number;
}

type ClientClass<T> = new (config: ClientConfig) => T;

const clients = new Map<ClientClass<unknown>, unknown>();

const endpointOverridden = (): boolean =>
  Object.keys(process.env).some(
    (name) => name === 'AWS_ENDPOINT_URL' || name.startsWith('AWS_ENDPOINT_URL_'),
  );

/**
 * Path-style S3 addressing only where an endpoint override is configured: a local endpoint has no wildcard DNS
 * for bucket subdomains. It is a configuration-driven setting, not a local code path.
 */
const sharedConfig = (): ClientConfig => ({
  maxAttempts: 5,
  ...(endpointOverridden() ? { forcePathStyle: true } : {}),
});

export const awsClient = <T>(Client: ClientClass<T>): T => {
  let client = clients.get(Client) as T | undefined;
  if (client === undefined) {
    client = new Client(sharedConfig());
    clients.set(Client, client);
  }
  return client;
};
