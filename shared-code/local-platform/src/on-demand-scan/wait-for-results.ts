import { setTimeout as sleep } from 'node:timers/promises';
import type { openSearchClient } from '@sec-an/runtime/opensearch';
import { findResultDocuments, type ResultDocument } from './result-documents.ts';

type Client = ReturnType<typeof openSearchClient>;

export interface WaitOptions {
  readonly timeoutMs: number;
  /** Default: 2 s. */
  readonly pollMs?: number;
  /** Told how many of the requests have results, after each look. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface WaitOutcome {
  readonly documents: readonly ResultDocument[];
  /** The request ids that had no document when the wait ended. */
  readonly missing: readonly string[];
}

const missingOf = (requestIds: readonly string[], documents: readonly ResultDocument[]): string[] => {
  const answered = new Set(documents.map(({ source }) => source.scan.requestId));
  return requestIds.filter((id) => !answered.has(id));
};

/**
 * Polls until every request has documents and a further look finds no more (a scan's documents of several
 * types reach their indices' searches at slightly different moments), or until the timeout; what was found by
 * then is returned either way.
 */
export const waitForResults = async (
  client: Client,
  requestIds: readonly string[],
  options: WaitOptions,
): Promise<WaitOutcome> => {
  const deadline = performance.now() + options.timeoutMs;
  const pollMs = options.pollMs ?? 2_000;
  let documents: readonly ResultDocument[] = [];
  let previousCount = -1;
  for (;;) {
    documents = await findResultDocuments(client, requestIds);
    const missing = missingOf(requestIds, documents);
    options.onProgress?.(requestIds.length - missing.length, requestIds.length);
    if (missing.length === 0 && documents.length === previousCount) return { documents, missing };
    if (performance.now() + pollMs > deadline) return { documents, missing };
    previousCount = missing.length === 0 ? documents.length : -1;
    await sleep(pollMs);
  }
};
