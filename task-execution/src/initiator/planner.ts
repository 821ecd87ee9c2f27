import type { ScanScope } from '@sec-an/runtime/scan-scope';
import {
  nextBucketBoundary,
  type PlanTables,
  planPeriod,
  readPlanSettings,
  writePlan,
} from '../planning/index.ts';
import { MalformedPlanError, type PlanRecord } from './plan-record.ts';
import { readPlan } from './plans-table.ts';

/**
 * The plan of an ingest for the period that starts at the first bucket boundary after `now` (under the plan
 * settings in SSM now), written by the planner (or found, as plans are idempotent), judged by the same scope the
 * run sends by, and read back as the initiator follows it.
 */
export const planFor = async (
  tables: PlanTables,
  ingestId: string,
  now: number,
  scope: ScanScope,
): Promise<PlanRecord> => {
  const settings = await readPlanSettings();
  const period = planPeriod(ingestId, nextBucketBoundary(now, settings), settings);
  await writePlan(period, scope, { tables });
  const plan = await readPlan(tables.scanPlans, period.planId);
  if (plan === undefined) {
    throw new MalformedPlanError(`plan ${period.planId} was written but its scan-plans row is not there`);
  }
  return plan;
};
