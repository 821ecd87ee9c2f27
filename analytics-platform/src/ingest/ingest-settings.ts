import type { BulkOptions } from './bulk.ts';

export interface IngestSettings extends BulkOptions {
  /** A document larger than this (as indexed) is refused before it is sent. */
  readonly maxDocumentBytes: number;
  /** Results read, planned and written together; the next group is planned while the store writes one. */
  readonly resultsPerGroup: number;
}

/**
 * 5 MiB requests stay well inside the smallest AWS domain's 10 MiB HTTP limit, and are past the size where larger
 * requests stop being faster. A document is at most 1 MiB: no scan entity needs more, and a larger one is a
 * parser bug that would slow every search of its index. A hundred results (some 2 MiB of documents from a port
 * scan) keep each `_bulk` large while the next hundred are read and planned.
 */
export const defaultIngestSettings: IngestSettings = {
  maxBulkBytes: 5 * 1024 * 1024,
  maxDocumentBytes: 1024 * 1024,
  resultsPerGroup: 100,
  transientRetries: 3,
  retryDelayMilliseconds: 200,
};

/**
 * Records per invocation of the ingest function (its event source mapping's batch size). Larger batches make
 * fewer, larger `_bulk` requests: the benchmark measures the handler at this size.
 */
export const ingestBatchSize = 250;
