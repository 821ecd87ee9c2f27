import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@opensearch-project/opensearch';
import { withSearchErrors } from '@sec-an/runtime/opensearch';
import type { Operation, Verdict } from './operations.ts';

export interface BulkOptions {
  /** Largest `_bulk` request body. */
  readonly maxBulkBytes: number;
  /** Times an item refused for a transient reason (429, 5xx) is sent again within the invocation. */
  readonly transientRetries: number;
  /** Wait before the first retry; doubled for each next one. */
  readonly retryDelayMilliseconds: number;
}

/** Built by hand: a bulk request holds thousands of these, and the generic serializer is most of their cost. */
const actionLine = (operation: Operation): string => {
  const version =
    operation.version === undefined ? '' : `,"version":${operation.version},"version_type":"external_gte"`;
  return `{"${operation.action}":{"_index":${JSON.stringify(operation.index)},"_id":${JSON.stringify(operation.id)}${version}}}`;
};

/** A document goes to its history and its snapshot: it is serialized once for both. */
const serialized = new WeakMap<object, string>();

/** The document as it is sent, serialized once: for its size bound and for each request it is sent in. */
export const serializedSource = (source: Readonly<Record<string, unknown>>): string => {
  let line = serialized.get(source);
  if (line === undefined) {
    line = JSON.stringify(source);
    serialized.set(source, line);
  }
  return line;
};

const linesOf = (operation: Operation): string =>
  operation.source === undefined
    ? `${actionLine(operation)}\n`
    : `${actionLine(operation)}\n${serializedSource(operation.source)}\n`;

/** Consecutive operations whose request body stays within the byte bound (an operation is never split). */
export const chunksOf = (
  operations: readonly Operation[],
  maxBytes: number,
): { readonly body: string; readonly operations: readonly Operation[] }[] => {
  const chunks: { body: string; operations: Operation[] }[] = [];
  let current = { body: '', operations: [] as Operation[], bytes: 0 };
  for (const operation of operations) {
    const lines = linesOf(operation);
    const bytes = Buffer.byteLength(lines);
    if (current.operations.length > 0 && current.bytes + bytes > maxBytes) {
      chunks.push(current);
      current = { body: '', operations: [], bytes: 0 };
    }
    current.body += lines;
    current.bytes += bytes;
    current.operations.push(operation);
  }
  if (current.operations.length > 0) chunks.push(current);
  return chunks;
};

interface BulkItem {
  readonly status: number;
  readonly error?: {
    readonly type?: string;
    readonly reason?: string;
    readonly caused_by?: { readonly reason?: string };
  };
}

const reasonOf = (item: BulkItem): string => {
  const cause = item.error?.caused_by?.reason;
  return `${item.error?.type ?? `HTTP ${item.status}`}: ${item.error?.reason ?? ''}${cause === undefined ? '' : ` (${cause})`}`;
};

/** What an item's status means for the document it wrote. */
export const verdictOf = (operation: Operation, item: BulkItem | undefined): Verdict => {
  if (item === undefined) return { status: 'transient', reason: 'the store returned no result for it' };
  if (item.status < 300) return { status: 'written' };
  if (item.status === 404 && operation.action === 'delete') return { status: 'written' };
  if (item.status === 409 && operation.version !== undefined) return { status: 'stale' };
  if (item.status === 429 || item.status >= 500) return { status: 'transient', reason: reasonOf(item) };
  return { status: 'refused', reason: reasonOf(item) };
};

/** A response of thousands of items is parsed in the function: only what a verdict needs is returned. */
const itemVerdictFields = 'errors,items.*.status,items.*.error';

const sendChunk = async (
  client: Client,
  body: string,
  operations: readonly Operation[],
): Promise<Verdict[]> => {
  // The typings want an array of lines; the client passes a prepared NDJSON string through as it is.
  const response = await withSearchErrors(() =>
    client.bulk({ body: body as never, filter_path: itemVerdictFields }),
  );
  const items = (response.body as { items: Record<string, BulkItem>[] }).items;
  return operations.map((operation, position) => {
    const item = items[position];
    return verdictOf(operation, item === undefined ? undefined : Object.values(item)[0]);
  });
};

const sendOnce = async (
  client: Client,
  operations: readonly Operation[],
  maxBytes: number,
): Promise<Verdict[]> => {
  const verdicts: Verdict[] = [];
  for (const chunk of chunksOf(operations, maxBytes)) {
    verdicts.push(...(await sendChunk(client, chunk.body, chunk.operations)));
  }
  return verdicts;
};

/**
 * Writes the operations with `_bulk`, in order, in requests bounded by bytes, and returns each one's verdict.
 * Items refused for a transient reason are sent again a few times; what is still transient after that is left
 * to the caller (the message is retried, and its deterministic ids make that harmless).
 */
export const runBulk = async (
  client: Client,
  operations: readonly Operation[],
  options: BulkOptions,
): Promise<Verdict[]> => {
  const verdicts = await sendOnce(client, operations, options.maxBulkBytes);
  for (let attempt = 0; attempt < options.transientRetries; attempt += 1) {
    const pending = verdicts.flatMap((verdict, position) =>
      verdict.status === 'transient' ? [position] : [],
    );
    if (pending.length === 0) break;
    await sleep(options.retryDelayMilliseconds * 2 ** attempt);
    const retried = await sendOnce(
      client,
      pending.map((position) => operations[position] as Operation),
      options.maxBulkBytes,
    );
    pending.forEach((position, i) => {
      verdicts[position] = retried[i] as Verdict;
    });
  }
  return verdicts;
};
