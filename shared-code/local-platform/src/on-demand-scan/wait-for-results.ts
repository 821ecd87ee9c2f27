import { setTimeout as sleep } from 'node:timers/promises';
import type { openSearchClient } from '@sec-an/runtime/opensearch';
import { type RequestProgress, requestProgress } from './request-completion.ts';
import { findResultDocuments, type ResultDocument } from './result-documents.ts';

type Client = ReturnType<typeof openSearchClient>;

export interface WaitOptions {
  readonly timeoutMs: number;
  /** Whether the stage runs the TLS scanner, whose scans of the TLS ports are then waited for too. */
  readonly tlsScannerDeployed: boolean;
  /** Default: 2 s. */
  readonly pollMs?: number;
  /** Told how many of the requests are finished, after each look. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface WaitOutcome {
  readonly documents: readonly ResultDocument[];
  /** The requests not finished when the wait ended, with what each still waited for. */
  readonly missing: readonly { readonly requestId: string; readonly waitingFor: string }[];
}

const unfinished = (
  requestIds: readonly string[],
  documents: readonly ResultDocument[],
  tlsScannerDeployed: boolean,
): WaitOutcome['missing'] =>
  requestIds
    .map((requestId) => ({ requestId, ...requestProgress(documents, requestId, tlsScannerDeployed) }))
    .filter((progress: RequestProgress & { requestId: string }) => !progress.finished)
    .map(({ requestId, waitingFor }) => ({ requestId, waitingFor }));

/**
 * Polls until every request is finished (nmap's host summary, its open ports, and the TLS scans of its TLS ports
 * are all searchable), or until the timeout; what was found by then is returned either way.
 */
export const waitForResults = async (
  client: Client,
  requestIds: readonly string[],
  options: WaitOptions,
): Promise<WaitOutcome> => {
  const deadline = performance.now() + options.timeoutMs;
  const pollMs = options.pollMs ?? 2_000;
  for (;;) {
    const documents = await findResultDocuments(client, requestIds);
    const missing = unfinished(requestIds, documents, options.tlsScannerDeployed);
    options.onProgress?.(requestIds.length - missing.length, requestIds.length);
    if (missing.length === 0 || performance.now() + pollMs > deadline) return { documents, missing };
    await sleep(pollMs);
  }
};
