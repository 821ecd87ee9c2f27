import { type ScanScope, scopeVerdict } from '@sec-an/runtime/scan-scope';
import { type AddressMark, markIsWritten, writeAddressMarks } from './address-marks.ts';
import { batchWrite } from './batch-write.ts';
import { type EstateAddress, readEstate } from './estate.ts';
import type { PlanPeriod } from './plan-period.ts';
import { markPlanReady, readPlanRecord, startWritingPlan } from './plan-record.ts';
import { scanPlanWrites } from './plan-rows.ts';
import { type PlanTables, planTablesFromEnvironment } from './plan-tables.ts';
import { type Placement, spreadAddresses } from './spread.ts';
import { deleteStaleRows } from './stale-rows.ts';

export interface WritePlanOptions {
  /** Default: from the environment variables the stack sets. */
  readonly tables?: PlanTables;
  /** Parallel segments of the addresses table's Scan. */
  readonly scanSegments?: number;
  /** UpdateItem calls (address rows) and bucket Queries in flight at once. */
  readonly concurrency?: number;
}

export interface PlanSummary {
  readonly planId: string;
  /** In-scope addresses planned. */
  readonly addressCount: number;
  readonly outOfScopeCount: number;
  /** The plan was ready before this call, which wrote nothing. */
  readonly alreadyReady: boolean;
  /** An earlier run had stopped before the plan was ready; this one finished it. */
  readonly resumed: boolean;
  /** Rows of that earlier run that this one deleted. */
  readonly staleRowsDeleted: number;
  /** Address rows an ingest deleted while the plan was written (their scan-plan rows stay). */
  readonly addressesGone: number;
}

interface Judged {
  /** The reason each in-scope address is in scope. */
  readonly inScope: Map<string, string>;
  readonly outOfScope: AddressMark[];
}

const judge = (estate: readonly EstateAddress[], scope: ScanScope): Judged => {
  const inScope = new Map<string, string>();
  const outOfScope: AddressMark[] = [];
  for (const row of estate) {
    const verdict = scopeVerdict(scope, row);
    if (verdict.inScope) inScope.set(row.address, verdict.reason);
    else outOfScope.push({ address: row.address, scope: 'out-of-scope', scopeReason: verdict.reason });
  }
  return { inScope, outOfScope };
};

const plannedMarks = (period: PlanPeriod, placements: readonly Placement[], judged: Judged): AddressMark[] =>
  placements.map(({ address, plannedAt }) => ({
    address,
    scope: 'in-scope',
    scopeReason: judged.inScope.get(address) ?? '',
    plannedAt,
    planId: period.planId,
  }));

/**
 * Writes the plan of the estate in the addresses table for `period`: judges every address against the scope,
 * marks the out-of-scope ones as such (they are never planned), spreads the others over the period, writes their
 * scan-plan rows and marks their address rows with the plan, then makes the plan ready. The same estate, scope
 * and period give the same rows, so a run that stopped half-way is finished by running it again; a ready plan
 * is never written again.
 */
export const writePlan = async (
  period: PlanPeriod,
  scope: ScanScope,
  options: WritePlanOptions = {},
): Promise<PlanSummary> => {
  const tables = options.tables ?? planTablesFromEnvironment();
  const concurrency = options.concurrency ?? 16;
  const start = await startWritingPlan(tables.scanPlans, period);
  if (start.kind === 'ready') {
    const record = await readPlanRecord(tables.scanPlans, period.planId);
    return {
      planId: period.planId,
      addressCount: record?.addressCount ?? 0,
      outOfScopeCount: record?.outOfScopeCount ?? 0,
      alreadyReady: true,
      resumed: false,
      staleRowsDeleted: 0,
      addressesGone: 0,
    };
  }
  const estate = await readEstate(tables.addresses, options.scanSegments ?? 4);
  const rows = new Map(estate.map((row) => [row.address, row]));
  const judged = judge(estate, scope);
  const placements = spreadAddresses([...judged.inScope.keys()], period);
  await batchWrite(
    tables.scanPlan,
    scanPlanWrites(period, placements, (address) => rows.get(address)?.hosts ?? []),
  );
  const staleRowsDeleted =
    start.kind === 'resumed'
      ? await deleteStaleRows(tables.scanPlan, period, start.earlierBuckets, placements, concurrency)
      : 0;
  const marks = [...judged.outOfScope, ...plannedMarks(period, placements, judged)].filter((mark) => {
    const row = rows.get(mark.address);
    return row === undefined || !markIsWritten(row, mark);
  });
  const addressesGone = await writeAddressMarks(tables.addresses, marks, concurrency);
  const counts = { addressCount: placements.length, outOfScopeCount: judged.outOfScope.length };
  await markPlanReady(tables.scanPlans, period.planId, counts);
  return {
    planId: period.planId,
    ...counts,
    alreadyReady: false,
    resumed: start.kind === 'resumed',
    staleRowsDeleted,
    addressesGone,
  };
};
