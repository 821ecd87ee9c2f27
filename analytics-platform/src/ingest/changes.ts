import { canonicalJson, entityKey } from '@sec-an/contracts/entity-key';
import type { ScanResult } from '@sec-an/contracts/scan-result';
import type { ChangeKind } from '../index-templates/index.ts';
import { printedValue } from './field-path.ts';
import type { EntitySummary, SubjectDocuments, SubjectState } from './subject-state.ts';

/** A change document and its deterministic id (so a redelivered result writes the same ones again). */
export interface ChangeDocument {
  readonly id: string;
  readonly source: Record<string, unknown>;
}

export interface ChangeInput {
  readonly result: ScanResult;
  readonly previous: SubjectState | undefined;
  /** The summaries of the result's own entities. */
  readonly summaries: SubjectDocuments;
}

const isPrimitive = (value: unknown) => value === null || typeof value !== 'object';

// Most change fields hold strings and numbers: those compare as they are, without a canonical form.
const sameValue = (before: unknown, after: unknown): boolean => {
  const was = before ?? null;
  const now = after ?? null;
  if (isPrimitive(was) && isPrimitive(now)) return was === now;
  return canonicalJson(was) === canonicalJson(now);
};

interface Change {
  readonly change: ChangeKind;
  readonly type: string;
  readonly key: string;
  readonly label: string;
  readonly field?: string;
  readonly before?: string;
  readonly after?: string;
}

const changeDocument = (input: ChangeInput, change: Change): ChangeDocument => {
  const { result, previous } = input;
  const identity = {
    task: result.task,
    type: change.type,
    key: change.key,
    change: change.change,
    field: change.field ?? null,
    at: result.endedAt,
  };
  const printed = (name: 'field' | 'before' | 'after') =>
    change[name] === undefined ? {} : { [name]: change[name] };
  return {
    id: entityKey(identity),
    source: {
      '@timestamp': result.endedAt,
      change: change.change,
      task: result.task,
      type: change.type,
      ...printed('field'),
      ...printed('before'),
      ...printed('after'),
      label: change.label,
      subject: result.subject,
      entity: { key: change.key },
      scan: {
        id: result.scanId,
        endedAt: result.endedAt,
        ...(previous === undefined ? {} : { previousId: previous.scanId, previousEndedAt: previous.endedAt }),
      },
    },
  };
};

/** Only fields the previous result recorded are compared: a change field added since is not a change. */
const fieldChanges = (type: string, key: string, before: EntitySummary, after: EntitySummary): Change[] =>
  Object.keys(after.values)
    .filter((field) => field in before.values && !sameValue(before.values[field], after.values[field]))
    .map((field) => {
      const was = printedValue(before.values[field]);
      const now = printedValue(after.values[field]);
      return {
        change: 'changed',
        type,
        key,
        label: after.label,
        field,
        ...(was === undefined ? {} : { before: was }),
        ...(now === undefined ? {} : { after: now }),
      };
    });

const appearedAndChanged = (input: ChangeInput): Change[] =>
  Object.entries(input.result.documents).flatMap(([type, documents]) =>
    documents.flatMap((document): Change[] => {
      const after = input.summaries[type]?.[document.key];
      if (after === undefined) return [];
      const before = input.previous?.documents[type]?.[document.key];
      if (before === undefined) return [{ change: 'appeared', type, key: document.key, label: after.label }];
      return fieldChanges(type, document.key, before, after);
    }),
  );

const disappeared = (input: ChangeInput): Change[] => {
  const kept = (type: string) =>
    new Set((input.result.documents[type] ?? []).map((document) => document.key));
  return Object.entries(input.previous?.documents ?? {}).flatMap(([type, summaries]) => {
    const keep = kept(type);
    return Object.entries(summaries)
      .filter(([key]) => !keep.has(key))
      .map(([key, summary]): Change => ({ change: 'disappeared', type, key, label: summary.label }));
  });
};

/**
 * What changed between a subject's previous snapshot and a newer result: entities that appeared or (for a
 * complete result) disappeared, and each changed field among those its type says matter. Only for a result newer
 * than the previous one: a re-ingested scan (same time, perhaps another parser) changes nothing in the world.
 */
export const changesOf = (input: ChangeInput): ChangeDocument[] => {
  const { result, previous } = input;
  if (previous !== undefined && Date.parse(result.endedAt) <= Date.parse(previous.endedAt)) return [];
  const changes = [
    ...appearedAndChanged(input),
    ...(result.coverage === 'complete' ? disappeared(input) : []),
  ];
  return changes.map((change) => changeDocument(input, change));
};
