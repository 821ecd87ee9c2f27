import { z } from 'zod';
import { defineContract } from '../contract/index.ts';
import { documentTypePattern, entityKeyPattern, resultDocuments } from './result-documents.ts';

/** A task's name, as in scan requests; it prefixes the task's index names. */
export const taskName = z.string().regex(/^[a-z][a-z0-9-]{1,62}$/);

/** A document type (`host`, `port`, `certificate`...); with the task it names the type's indices. */
export const documentType = z.string().regex(documentTypePattern);

/** Every key is an entity key: SHA-256 (hex) of the canonical JSON of the identifying fields. */
export const entityKeyText = z.string().regex(entityKeyPattern, 'an entity key is 64 lowercase hex digits');

/**
 * `complete`: the result is everything the scan saw of its subject, so what the subject's snapshot held and the
 * result lacks has gone (a port closed). `partial`: only what it holds is written and nothing is removed (a scan
 * cut short, a redriven part of a result).
 */
export const resultCoverages = ['complete', 'partial'] as const;

/**
 * The parsed result of one scan of one subject (an address, an endpoint, a table item): its documents grouped by
 * type, each with its deterministic key. The subject is what a later result replaces: its snapshot documents of
 * every type are those of its latest result.
 */
export const scanResultV1 = defineContract({
  name: 'scan-result',
  version: 1,
  shape: {
    task: taskName,
    scanId: z.string().min(1).max(200),
    /** The scan request it answers; absent for results not asked for (a table's stream). */
    requestId: z.uuid().optional(),
    startedAt: z.iso.datetime(),
    /** The scan's time: results of one subject are ordered by it, not by when they arrive. */
    endedAt: z.iso.datetime(),
    parserVersion: z.string().min(1).max(100),
    /** The raw object it was parsed from, so it can be parsed again; null when there is none (a table's stream). */
    raw: z.strictObject({ bucket: z.string().min(3).max(63), key: z.string().min(1).max(1024) }).nullable(),
    subject: z.strictObject({ key: entityKeyText, label: z.string().min(1).max(512) }),
    coverage: z.enum(resultCoverages),
    documents: resultDocuments,
  },
  attributes: (result) => ({ task: result.task, coverage: result.coverage }),
});

export type ScanResult = z.output<typeof scanResultV1.schema>;
