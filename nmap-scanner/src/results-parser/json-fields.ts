import type { ResultDocument } from '@sec-an/contracts/scan-result';

type Fields = ResultDocument['fields'];
type FieldValue = Fields[string] | undefined | readonly FieldValue[] | { readonly [key: string]: FieldValue };

/** A document's fields with the absent ones left out: scan-result fields are JSON, which has no undefined. */
export const present = (fields: Readonly<Record<string, FieldValue>>): Fields => {
  const kept: Record<string, FieldValue> = {};
  for (const name in fields) if (fields[name] !== undefined) kept[name] = fields[name];
  return kept as Fields;
};

/** Script output as documents carry it. */
export const scriptEntries = (scripts: readonly { readonly id: string; readonly output: string }[]) =>
  scripts.map(({ id, output }) => ({ id, output }));
