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

/** Requests seen so far, by `<service>:<operation>`. */
export type RequestCounts = Map<string, number>;

export interface RequestCounter {
  /** Where clients send their requests instead of the backend. */
  readonly endpoint: string;
  /** The counts since the last reset (requests without AWS credentials, like moto's own API, are not counted). */
  counts(): RequestCounts;
  reset(): void;
  stop(): Promise<void>;
}

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
  let counts: RequestCounts = new Map();
  const server: Server = createServer(async (incoming, outgoing) => {
    const body = await readBody(incoming);
    const service = serviceOf(incoming.headers);
    if (service !== undefined) {
      const key = `${service}:${operationOf(incoming, body.toString('utf8'))}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
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
    counts: () => new Map(counts),
    reset: () => {
      counts = new Map();
    },
    stop: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
};

/** The total of the counts whose key matches. */
export const countOf = (counts: RequestCounts, match: (key: string) => boolean = () => true): number =>
  [...counts].filter(([key]) => match(key)).reduce((total, [, count]) => total + count, 0);
