import type { RaisedLetter } from './dead-letter-watch.ts';
import type { ObjectComparison } from './document-comparison.ts';
import type { ParserRoute } from './parser-route.ts';
import type { LakeObject } from './raw-objects.ts';
import type { TaskAddress } from './reingest-options.ts';

/** One raw object of the replay and what became of its history documents. */
export interface ReplayedObject {
  readonly object: LakeObject;
  /** History documents that came from it before the replay. */
  readonly documentsBefore: number;
  /** Absent in a dry run. */
  readonly comparison?: ObjectComparison;
  /** A dead letter raised meanwhile carries its event or its results. */
  readonly deadLettered: boolean;
}

export interface ReingestResult {
  readonly task: TaskAddress;
  readonly bucket: string;
  readonly route: ParserRoute;
  readonly window: { readonly since: Date; readonly until: Date };
  readonly dryRun: boolean;
  readonly objects: readonly ReplayedObject[];
  readonly deadLetters: readonly RaisedLetter[];
  /** From sending the first event to the documents settled. */
  readonly waitedMs: number;
}

export interface ReingestTotals {
  readonly identical: number;
  readonly changed: number;
  readonly added: number;
  readonly notProduced: number;
}

export const totalsOf = (result: ReingestResult): ReingestTotals => {
  const totals = { identical: 0, changed: 0, added: 0, notProduced: 0 };
  for (const { comparison } of result.objects) {
    if (comparison === undefined) continue;
    totals.identical += comparison.identical.length;
    totals.changed += comparison.changed.length;
    totals.added += comparison.added.length;
    totals.notProduced += comparison.notProduced.length;
  }
  return totals;
};
