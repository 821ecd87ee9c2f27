import type { ScanResult } from '@sec-an/contracts/scan-result';
import {
  changeIndex,
  historyDocumentId,
  historyIndex,
  snapshotIndex,
  subjectIndex,
} from '@sec-an/contracts/search-index';
import { serializedSource } from './bulk.ts';
import type { ChangeDocument } from './changes.ts';
import { indexedDocument } from './indexed-document.ts';
import type { Operation } from './operations.ts';
import { scanVersion } from './scan-time.ts';
import {
  type EntitySummary,
  encodeSubjectDocuments,
  type SubjectDocuments,
  type SubjectState,
  subjectDocumentId,
} from './subject-state.ts';

/** A document the ingest did not even send, and why. */
export interface OversizedDocument {
  readonly type: string;
  readonly key: string;
  readonly reason: string;
}

export interface ResultPlan {
  readonly operations: Operation[];
  readonly oversized: OversizedDocument[];
}

export interface PlanInput {
  readonly owner: number;
  readonly result: ScanResult;
  readonly previous: SubjectState | undefined;
  readonly changes: readonly ChangeDocument[];
  /** The summaries of the result's own entities, for the subject's new state. */
  readonly summaries: SubjectDocuments;
  /** A result older than the subject's latest: it joins the history and touches nothing else. */
  readonly late: boolean;
  readonly maxDocumentBytes: number;
}

const bytesOf = (source: Readonly<Record<string, unknown>>): number =>
  Buffer.byteLength(serializedSource(source));

const documentOperations = (input: PlanInput, plan: ResultPlan): void => {
  const { result, owner } = input;
  const version = scanVersion(result.endedAt);
  for (const [type, documents] of Object.entries(result.documents)) {
    for (const document of documents) {
      const source = indexedDocument(result, type, document);
      const size = bytesOf(source);
      if (size > input.maxDocumentBytes) {
        plan.oversized.push({
          type,
          key: document.key,
          reason: `document ${type}/${document.key} is ${size} bytes indexed; at most ${input.maxDocumentBytes} are accepted`,
        });
        continue;
      }
      const part = { type, key: document.key };
      plan.operations.push({
        action: 'index',
        index: historyIndex(result.task, type),
        id: historyDocumentId(document.key, result.endedAt),
        source,
        owner,
        part: { kind: 'history', ...part },
      });
      if (input.late) continue;
      plan.operations.push({
        action: 'index',
        index: snapshotIndex(result.task, type),
        id: document.key,
        version,
        source,
        owner,
        part: { kind: 'snapshot', ...part },
      });
    }
  }
};

const removals = (input: PlanInput): Operation[] => {
  const { result, previous, owner } = input;
  if (previous === undefined || result.coverage !== 'complete') return [];
  const kept = (type: string) => new Set((result.documents[type] ?? []).map((document) => document.key));
  return Object.entries(previous.documents).flatMap(([type, summaries]) => {
    const keep = kept(type);
    return Object.keys(summaries)
      .filter((key) => !keep.has(key))
      .map((key) => ({
        action: 'delete' as const,
        index: snapshotIndex(result.task, type),
        id: key,
        version: scanVersion(result.endedAt),
        owner,
        part: { kind: 'removal' as const, type, key },
      }));
  });
};

/**
 * The writes of a result, before its subject is recorded: its history and snapshot documents, the change
 * documents, and the removal of what the subject's snapshot held and a complete result no longer does.
 */
export const planResult = (input: PlanInput): ResultPlan => {
  const plan: ResultPlan = { operations: [], oversized: [] };
  documentOperations(input, plan);
  if (input.late) return plan;
  for (const change of input.changes) {
    plan.operations.push({
      action: 'index',
      index: changeIndex,
      id: change.id,
      source: change.source,
      owner: input.owner,
      part: { kind: 'change' },
    });
  }
  plan.operations.push(...removals(input));
  return plan;
};

/** A partial result adds to what the subject's snapshot holds; a complete one replaces it. */
const documentsAfter = (input: PlanInput): SubjectDocuments => {
  if (input.result.coverage === 'complete') return input.summaries;
  const merged: Record<string, Record<string, EntitySummary>> = {};
  for (const documents of [input.previous?.documents ?? {}, input.summaries]) {
    for (const [type, summaries] of Object.entries(documents))
      merged[type] = { ...merged[type], ...summaries };
  }
  return merged;
};

/**
 * The subject's new state, written once everything else of the result is: until then the next delivery still
 * compares against the previous result, and so computes the same changes again.
 */
export const subjectOperation = (input: PlanInput, now: Date): Operation => {
  const { result } = input;
  const documents = documentsAfter(input);
  return {
    action: 'index',
    index: subjectIndex,
    id: subjectDocumentId(result.task, result.subject.key),
    version: scanVersion(result.endedAt),
    source: {
      '@timestamp': result.endedAt,
      task: result.task,
      subject: result.subject,
      scan: { id: result.scanId, endedAt: result.endedAt, parserVersion: result.parserVersion },
      documentCount: Object.values(documents).reduce(
        (count, summaries) => count + Object.keys(summaries).length,
        0,
      ),
      documents: encodeSubjectDocuments(documents),
      ingest: {
        at: now.toISOString(),
        lagSeconds: Math.max(0, (now.getTime() - Date.parse(result.endedAt)) / 1000),
      },
    },
    owner: input.owner,
    part: { kind: 'subject' },
  };
};
