import type { ResultDocument, ScanResult } from '@sec-an/contracts/scan-result';
import type { DocumentTypeMeta } from '@sec-an/contracts/search-index';
import { printedValue, valueAt } from './field-path.ts';
import type { EntitySummary, SubjectDocuments } from './subject-state.ts';

export type MetaOf = (type: string) => DocumentTypeMeta | undefined;

/** The entity's name for a person: its label fields' values, else the subject's label. */
export const labelOf = (
  fields: Readonly<Record<string, unknown>>,
  meta: DocumentTypeMeta | undefined,
  fallback: string,
): string => {
  const parts = (meta?.labelFields ?? []).map((path) => printedValue(valueAt(fields, path)) ?? '');
  const label = parts.filter((part) => part !== '').join(' ');
  return label === '' ? fallback : label;
};

export const summaryOf = (
  document: ResultDocument,
  meta: DocumentTypeMeta | undefined,
  subjectLabel: string,
): EntitySummary => ({
  label: labelOf(document.fields, meta, subjectLabel),
  values: Object.fromEntries(
    (meta?.changeFields ?? []).map((field) => [field, valueAt(document.fields, field) ?? null]),
  ),
});

/** The summaries a result leaves in its subject's state. */
export const summariesOf = (result: ScanResult, metaOf: MetaOf): SubjectDocuments =>
  Object.fromEntries(
    Object.entries(result.documents).map(([type, documents]) => [
      type,
      Object.fromEntries(
        documents.map((document) => [document.key, summaryOf(document, metaOf(type), result.subject.label)]),
      ),
    ]),
  );
