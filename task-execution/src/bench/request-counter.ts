import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { loopback } from '@sec-an/local-platform/ports';

/** The service an AWS request is for, from its SigV4 credential scope (`.../<region>/<service>/aws4_request`). */
const serviceOf = (headers: IncomingMessage['headers']): string | undefined =>
  /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(headers.authorization ?? '')?.[1];

/** A REST path with its ids replaced, so that one operation on many zones counts as one operation. */
const pathTemplate = (path: string): string =>
  path.split('?')[0]?.replace(/\/(hostedzone|change|healthcheck|delegationset)\/[^/]+/g, '/$1/{id}') ?? path;

/**
 * The operation an AWS request calls: the JSON protocols name it in X-Amz-Target, the query protocols in the
 * Action form field, and REST protocols (Route53) by method and path.
 */
const operationOf = (incoming: IncomingMessage, body: string): string => {
  const target = incoming.headers['x-amz-target'];
  if (typeof target === 'string') return target.slice(target.lastIndexOf('.') + 1);
  const action =
    new URLSearchParams(body).get('Action') ??
    new URL(incoming.url ?? '/', 'http://x').searchParams.get('Action');
  if (action !== null) return action;
  return `${incoming.method} ${pathTemplate(incoming.url ?? '/')}`;
};

/** One request the endpoint received. */
export interface CountedRequest {
  readonly service: string;
  readonly operation: string;
  /** The table (DynamoDB) or queue (SQS) a JSON-protocol request names. */
  readonly resource?: string;
}

export interface RequestCounter {
  /** Where clients send their requests instead of the backend. */
  readonly endpoint: string;
  /** The requests since the last reset (those without AWS credentials, like moto's own API, are not counted). */
  requests(): readonly CountedRequest[];
  reset(): void;
  stop(): Promise<void>;
}

/** The table or queue a JSON-protocol request names, if any. */
const resourceOf = (body: string): string | undefined => {
  try {
    const parsed = JSON.parse(body) as { TableName?: unknown; QueueUrl?: unknown };
    const resource = parsed.TableName ?? parsed.QueueUrl;
    return typeof resource === 'string' ? resource : undefined;
  } catch {
    return undefined;
  }
};

const countedRequest = (incoming: IncomingMessage, body: string): CountedRequest | undefined => {
  const service = serviceOf(incoming.headers);
  if (service === undefined) return undefined;
  const resource = incoming.headers['x-amz-target'] === undefined ? undefined : resourceOf(body);
  return { service, operation: operationOf(incoming, body), ...(resource === undefined ? {} : { resource }) };
};

const readBody = (incoming: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks)));
    incoming.on('error', reject);
  });

/**
 * An HTTP proxy in front of the local AWS endpoint that counts each request by service and operation: what the
 * endpoint receives, whichever client or library sent it, and so what an AWS bill would count.
 */
export const startRequestCounter = async (backend: string): Promise<RequestCounter> => {
  const target = new URL(backend);
  let requests: CountedRequest[] = [];
  const server: Server = createServer(async (incoming, outgoing) => {
    const body = await readBody(incoming);
    const counted = countedRequest(incoming, body.toString('utf8'));
    if (counted !== undefined) requests.push(counted);
    const forwarded = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    forwarded.on('error', (error) => {
      outgoing.writeHead(502);
      outgoing.end(`request counter could not reach ${backend}: ${error.message}`);
    });
    forwarded.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, loopback, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    endpoint: `http://${loopback}:${port}`,
    requests: () => [...requests],
    reset: () => {
      requests = [];
    },
    stop: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
};

/** How many requests of each `<service>:<operation>`, in name order. */
export const countsByOperation = (requests: readonly CountedRequest[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const { service, operation } of requests) {
    const key = `${service}:${operation}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
};
