import type { Client } from '@opensearch-project/opensearch';
import type { ResultDocument, ScanResult } from '@sec-an/contracts/scan-result';
import type { DocumentTypeMeta } from '@sec-an/contracts/search-index';
import { PermanentError, TransientError } from '@sec-an/runtime/errors';
import { withSearchErrors } from '@sec-an/runtime/opensearch';
import { runBulk } from './bulk.ts';
import { changesOf } from './changes.ts';
import { documentTypeMeta } from './document-types.ts';
import { summariesOf } from './entity-summary.ts';
import { MissingTemplateError } from './ingest-errors.ts';
import { defaultIngestSettings, type IngestSettings } from './ingest-settings.ts';
import type { Operation, Verdict } from './operations.ts';
import { type PlanInput, planResult, subjectOperation } from './plan.ts';
import { readSubjectStates, subjectDocumentId } from './subject-state.ts';

/** A document the store (or the ingest, for its size) refused, to be dead-lettered on its own. */
export interface RefusedDocument {
  readonly type: string;
  readonly document: ResultDocument;
  readonly reason: string;
}

export interface IngestOutcome {
  /** Set when the whole result failed: retry it (transient) or dead-letter it (permanent). */
  readonly error?: unknown;
  readonly refused: readonly RefusedDocument[];
  /** Older than the subject's latest result: written to history only. */
  readonly late: boolean;
  readonly changes: number;
}

interface Pending {
  readonly position: number;
  readonly result: ScanResult;
  error?: unknown;
  refused: RefusedDocument[];
  late: boolean;
  changes: number;
}

const subjectIdOf = (result: ScanResult): string => subjectDocumentId(result.task, result.subject.key);

/** Each subject's results in scan-time order, one per round, so a round never holds two of one subject. */
const rounds = (pending: readonly Pending[]): Pending[][] => {
  const bySubject = new Map<string, Pending[]>();
  for (const entry of pending) {
    const list = bySubject.get(subjectIdOf(entry.result)) ?? [];
    list.push(entry);
    bySubject.set(subjectIdOf(entry.result), list);
  }
  const ordered = [...bySubject.values()].map((list) =>
    list.sort((a, b) => Date.parse(a.result.endedAt) - Date.parse(b.result.endedAt)),
  );
  const count = Math.max(0, ...ordered.map((list) => list.length));
  return Array.from({ length: count }, (_, round) => ordered.flatMap((list) => list[round] ?? []));
};

type MetaLookup = (task: string, type: string) => Promise<DocumentTypeMeta>;

/** Every type of the result must have its template, or nothing of it is written. */
const checkTemplates = async (entries: readonly Pending[], metaOf: MetaLookup): Promise<void> => {
  await Promise.all(
    entries.map(async (entry) => {
      try {
        await Promise.all(Object.keys(entry.result.documents).map((type) => metaOf(entry.result.task, type)));
      } catch (error) {
        entry.error = error;
      }
    }),
  );
};

const documentOf = (result: ScanResult, type: string, key: string): ResultDocument | undefined =>
  result.documents[type]?.find((document) => document.key === key);

/** Applies the verdicts of a round's operations to the results they belong to. */
const applyVerdicts = (
  byPosition: ReadonlyMap<number, Pending>,
  operations: readonly Operation[],
  verdicts: readonly Verdict[],
) => {
  const refusedKeys = new Set<string>();
  operations.forEach((operation, i) => {
    const verdict = verdicts[i];
    const entry = byPosition.get(operation.owner);
    if (entry === undefined || verdict === undefined) return;
    if (verdict.status === 'transient') {
      entry.error ??= new TransientError(
        `the store did not write ${operation.index}/${operation.id}: ${verdict.reason}`,
      );
      return;
    }
    if (verdict.status !== 'refused') return;
    const { part } = operation;
    if (part.kind === 'history' || part.kind === 'snapshot') {
      const document = documentOf(entry.result, part.type, part.key);
      const id = `${operation.owner}/${part.type}/${part.key}`;
      if (document !== undefined && !refusedKeys.has(id)) {
        refusedKeys.add(id);
        entry.refused.push({ type: part.type, document, reason: `${operation.index}: ${verdict.reason}` });
      }
      return;
    }
    entry.error ??= new PermanentError(
      `the store refused ${operation.index}/${operation.id}: ${verdict.reason}`,
    );
  });
};

/** Types of the previous result may have lost their template since: they are then compared without one. */
const withoutTemplate = (error: unknown): undefined => {
  if (error instanceof MissingTemplateError) return undefined;
  throw error;
};

const optionalMeta = (metaOf: MetaLookup, task: string) => {
  const known = new Map<string, DocumentTypeMeta | undefined>();
  return {
    load: async (types: Iterable<string>) => {
      for (const type of types) {
        if (!known.has(type)) known.set(type, await metaOf(task, type).catch(withoutTemplate));
      }
    },
    get: (type: string) => known.get(type),
  };
};

/** A group of results of distinct subjects, with what the store holds of them and the writes they make. */
interface PlannedGroup {
  readonly byPosition: ReadonlyMap<number, Pending>;
  readonly inputs: readonly PlanInput[];
  readonly operations: readonly Operation[];
}

const planInputs = async (
  client: Client,
  group: readonly Pending[],
  metaOf: MetaLookup,
  settings: IngestSettings,
): Promise<PlanInput[]> => {
  const states = await withSearchErrors(() =>
    readSubjectStates(
      client,
      group.map((entry) => entry.result),
    ),
  );
  return Promise.all(
    group.map(async (entry) => {
      const previous = states.get(subjectIdOf(entry.result));
      entry.late = previous !== undefined && Date.parse(entry.result.endedAt) < Date.parse(previous.endedAt);
      const metas = optionalMeta(metaOf, entry.result.task);
      await metas.load(Object.keys(entry.result.documents));
      const summaries = summariesOf(entry.result, metas.get);
      const changes = entry.late ? [] : changesOf({ result: entry.result, previous, summaries });
      entry.changes = changes.length;
      return {
        owner: entry.position,
        result: entry.result,
        previous,
        changes,
        summaries,
        late: entry.late,
        maxDocumentBytes: settings.maxDocumentBytes,
      };
    }),
  );
};

const planGroup = async (
  client: Client,
  entries: readonly Pending[],
  metaOf: MetaLookup,
  settings: IngestSettings,
): Promise<PlannedGroup> => {
  const inputs = await planInputs(client, entries, metaOf, settings);
  const byPosition = new Map(entries.map((entry) => [entry.position, entry]));
  const operations: Operation[] = [];
  for (const input of inputs) {
    const plan = planResult(input);
    operations.push(...plan.operations);
    const entry = byPosition.get(input.owner);
    for (const oversized of plan.oversized) {
      const document =
        entry === undefined ? undefined : documentOf(entry.result, oversized.type, oversized.key);
      if (document !== undefined)
        entry?.refused.push({ type: oversized.type, document, reason: oversized.reason });
    }
  }
  return { byPosition, inputs, operations };
};

const writeGroup = async (client: Client, group: PlannedGroup, settings: IngestSettings): Promise<void> => {
  const { byPosition } = group;
  applyVerdicts(byPosition, group.operations, await runBulk(client, group.operations, settings));
  const recorded = group.inputs.filter(
    (input) => !input.late && byPosition.get(input.owner)?.error === undefined,
  );
  const now = new Date();
  const subjects = recorded.map((input) => subjectOperation(input, now));
  applyVerdicts(byPosition, subjects, await runBulk(client, subjects, settings));
};

/** Both run to their end, so no write is left running unawaited; the first failure is then thrown. */
const bothSettled = async <T>(first: Promise<unknown>, second: Promise<T>): Promise<T> => {
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') throw b.reason;
  return b.value;
};

const groupsOf = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * A round's subjects are distinct, so its groups are independent: the next group is read and planned while the
 * store writes the current one, and the store is not left idle while the function works.
 */
const ingestRound = async (
  client: Client,
  round: readonly Pending[],
  metaOf: MetaLookup,
  settings: IngestSettings,
): Promise<void> => {
  const groups = groupsOf(round, settings.resultsPerGroup);
  let planned = await planGroup(client, groups[0] ?? [], metaOf, settings);
  for (const next of groups.slice(1)) {
    planned = await bothSettled(
      writeGroup(client, planned, settings),
      planGroup(client, next, metaOf, settings),
    );
  }
  await writeGroup(client, planned, settings);
};

/**
 * Writes scan results into the analytics store: each document into its history and snapshot indices, the
 * changes since the subject's previous result into the change index, and removes from the snapshot what a
 * complete result no longer holds. Results of one subject are applied in scan-time order; a result older than
 * the subject's latest joins the history only. Throws DependencyUnavailableError when the store cannot be reached.
 */
export const ingestResults = async (
  client: Client,
  results: readonly ScanResult[],
  settings: IngestSettings = defaultIngestSettings,
  metaOf: MetaLookup = (task, type) => withSearchErrors(() => documentTypeMeta(client, task, type)),
): Promise<IngestOutcome[]> => {
  const pending: Pending[] = results.map((result, position) => ({
    position,
    result,
    refused: [],
    late: false,
    changes: 0,
  }));
  await checkTemplates(pending, metaOf);
  for (const round of rounds(pending.filter((entry) => entry.error === undefined))) {
    await ingestRound(client, round, metaOf, settings);
  }
  return pending.map(({ error, refused, late, changes }) => ({
    ...(error === undefined ? {} : { error }),
    refused,
    late,
    changes,
  }));
};
