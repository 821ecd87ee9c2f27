import { canonicalJson, entityKey } from '@sec-an/contracts/entity-key';
import type { ScanResult } from '@sec-an/contracts/scan-result';
import type { DocumentTypeMeta } from '@sec-an/contracts/search-index';
import type { ChangeKind } from '../index-templates/index.ts';
import { printedValue, valueAt } from './field-path.ts';
import type { SnapshotDocuments, SubjectState } from './subject-state.ts';

/** A change document and its deterministic id (so a redelivered result writes the same ones again). */
export interface ChangeDocument {
  readonly id: string;
  readonly source: Record<string, unknown>;
}

export interface ChangeInput {
  readonly result: ScanResult;
  readonly previous: SubjectState | undefined;
  readonly previousDocuments: SnapshotDocuments;
  readonly metaOf: (type: string) => DocumentTypeMeta | undefined;
}

const labelOf = (
  fields: Readonly<Record<string, unknown>>,
  meta: DocumentTypeMeta | undefined,
  fallback: string,
): string => {
  const parts = (meta?.labelFields ?? []).map((path) => printedValue(valueAt(fields, path)) ?? '');
  const label = parts.filter((part) => part !== '').join(' ');
  return label === '' ? fallback : label;
};

const sameValue = (before: unknown, after: unknown): boolean =>
  canonicalJson(before ?? null) === canonicalJson(after ?? null);

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

const fieldChanges = (
  type: string,
  key: string,
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  meta: DocumentTypeMeta | undefined,
  label: string,
): Change[] =>
  (meta?.changeFields ?? [])
    .filter((field) => !sameValue(valueAt(before, field), valueAt(after, field)))
    .map((field) => {
      const was = printedValue(valueAt(before, field));
      const now = printedValue(valueAt(after, field));
      return {
        change: 'changed',
        type,
        key,
        label,
        field,
        ...(was === undefined ? {} : { before: was }),
        ...(now === undefined ? {} : { after: now }),
      };
    });

const appearedAndChanged = (input: ChangeInput): Change[] =>
  Object.entries(input.result.documents).flatMap(([type, documents]) =>
    documents.flatMap((document): Change[] => {
      const meta = input.metaOf(type);
      const label = labelOf(document.fields, meta, input.result.subject.label);
      const before = input.previousDocuments.get(type)?.get(document.key);
      if (before === undefined) return [{ change: 'appeared', type, key: document.key, label }];
      return fieldChanges(type, document.key, before, document.fields, meta, label);
    }),
  );

const disappeared = (input: ChangeInput): Change[] => {
  const kept = new Map(
    Object.entries(input.result.documents).map(([type, documents]) => [
      type,
      new Set(documents.map((document) => document.key)),
    ]),
  );
  return [...input.previousDocuments].flatMap(([type, documents]) =>
    [...documents]
      .filter(([key]) => kept.get(type)?.has(key) !== true)
      .map(
        ([key, fields]): Change => ({
          change: 'disappeared',
          type,
          key,
          label: labelOf(fields, input.metaOf(type), input.result.subject.label),
        }),
      ),
  );
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
