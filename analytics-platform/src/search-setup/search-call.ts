import { type Client, errors } from '@opensearch-project/opensearch';

/** One REST call to OpenSearch or Dashboards, as the setup makes them: method, path, optional JSON body. */
export interface SearchCall {
  readonly method: 'GET' | 'PUT' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  readonly querystring?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** Statuses answered without an error, e.g. 404 for a lookup of something that may not exist. */
  readonly ignore?: readonly number[];
}

export interface SearchAnswer<T> {
  readonly statusCode: number;
  readonly body: T;
}

/**
 * Through the client's transport rather than its typed API, so every call the setup makes reads the same way as
 * the REST documentation it follows; the client still signs, retries and raises errors with the response.
 */
export const searchCall = async <T = unknown>(client: Client, call: SearchCall): Promise<SearchAnswer<T>> => {
  const response = await client.transport.request(
    {
      method: call.method,
      path: call.path,
      ...(call.body === undefined ? {} : { body: call.body as Record<string, unknown> | string }),
      ...(call.querystring === undefined ? {} : { querystring: { ...call.querystring } }),
    },
    {
      ...(call.headers === undefined ? {} : { headers: { ...call.headers } }),
      ...(call.ignore === undefined ? {} : { ignore: [...call.ignore] }),
    },
  );
  return { statusCode: response.statusCode ?? 0, body: response.body as T };
};

interface EngineError {
  readonly reason?: string;
  readonly caused_by?: EngineError;
}

const reasonsOf = (error: EngineError | undefined): string[] =>
  error === undefined
    ? []
    : [...(error.reason === undefined ? [] : [error.reason]), ...reasonsOf(error.caused_by)];

/** The engine's explanation of a refused request, with each cause it gives, else the client's message. */
export const refusalReason = (error: unknown): string => {
  if (error instanceof errors.ResponseError) {
    const reasons = reasonsOf((error.body as { error?: EngineError } | undefined)?.error);
    return reasons.length > 0 ? [...new Set(reasons)].join(': ') : error.message;
  }
  return error instanceof Error ? error.message : String(error);
};

/** Whether the engine refused the request as invalid (HTTP 400), as opposed to being unreachable or failing. */
export const isRefusal = (error: unknown): boolean =>
  error instanceof errors.ResponseError && error.statusCode === 400;

/** One segment of a request path (an index or template name), escaped. */
export const pathSegment = (name: string): string => encodeURIComponent(name);
