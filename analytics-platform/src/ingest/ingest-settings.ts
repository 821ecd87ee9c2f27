import type { BulkOptions } from './bulk.ts';

export interface IngestSettings extends BulkOptions {
  /** A document larger than this (as indexed) is refused before it is sent. */
  readonly maxDocumentBytes: number;
}

/**
 * 5 MiB requests stay well inside the smallest AWS domain's 10 MiB HTTP limit, and are past the size where larger
 * requests stop being faster. A document is at most 1 MiB: no scan entity needs more, and a larger one is a
 * parser bug that would slow every search of its index.
 */
export const defaultIngestSettings: IngestSettings = {
  maxBulkBytes: 5 * 1024 * 1024,
  maxDocumentBytes: 1024 * 1024,
  transientRetries: 3,
  retryDelayMilliseconds: 200,
};

/**
 * Records per invocation of the ingest function (its event source mapping's batch size). Larger batches make
 * fewer, larger `_bulk` requests: the benchmark measures the handler at this size.
 */
export const ingestBatchSize = 250;
