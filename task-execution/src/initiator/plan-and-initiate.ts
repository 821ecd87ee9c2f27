import type { ScanScope } from '@sec-an/runtime/scan-scope';
import type { SendBatch } from './delay-queue.ts';
import type { InitiatorHooks } from './initiate-bucket.ts';
import { initiatePlan, type PlanInitiation } from './initiate-plan.ts';
import type { InitiatorSettings } from './initiator-settings.ts';
import { type CompleteIngest, type PlanReason, planReason } from './plan-decision.ts';
import { MalformedPlanError, type PlanRecord } from './plan-record.ts';
import { readCurrentPlan, switchCurrentPlan } from './plans-table.ts';

/** Makes (or finds, as plans are idempotent) the plan of an ingest for the period after `now`, once ready. */
export type Planner = (ingestId: string, now: number) => Promise<PlanRecord>;

/** What the run depends on beyond its tables; the handler gives the real ones, tests their own. */
export interface RunDependencies {
  readonly latestCompleteIngest: () => Promise<CompleteIngest | undefined>;
  readonly plan: Planner;
  readonly scope: () => Promise<ScanScope>;
  readonly send: SendBatch;
  readonly now?: () => number;
  readonly hooks?: InitiatorHooks;
}

export interface PlanSwitch {
  readonly reason: PlanReason;
  readonly from?: string;
  readonly to: string;
  /** False when another run switched first; this run's plan is then left for the next run to judge. */
  readonly switched: boolean;
}

export interface RunReport {
  readonly initiations: readonly PlanInitiation[];
  readonly planSwitch?: PlanSwitch;
}

/**
 * One scheduled run: first the due buckets of the plan being followed (they are due now, and lie before any new
 * plan's start), then a new plan if one is due, followed from then on; then anything of the new plan already
 * due (nothing, when it starts at the next boundary as planned).
 */
export const planAndInitiate = async (
  settings: InitiatorSettings,
  dependencies: RunDependencies,
): Promise<RunReport> => {
  const now = dependencies.now ?? Date.now;
  const context = {
    ...settings,
    scope: await dependencies.scope(),
    send: dependencies.send,
    now,
    hooks: dependencies.hooks ?? {},
  };
  const current = await readCurrentPlan(settings.scanPlansTable);
  const initiations: PlanInitiation[] = [];
  if (current !== undefined) initiations.push(await initiatePlan(current, context));
  const latest = await dependencies.latestCompleteIngest();
  const reason = planReason(current, latest, now());
  if (reason === undefined || latest === undefined) return { initiations };
  const next = await dependencies.plan(latest.ingestId, now());
  if (next.status !== 'ready') {
    throw new MalformedPlanError(`the planner returned plan ${next.planId} while it is still ${next.status}`);
  }
  const switched = await switchCurrentPlan(settings.scanPlansTable, current?.planId, next.planId, now());
  if (switched) initiations.push(await initiatePlan(next, context));
  return {
    initiations,
    planSwitch: {
      reason,
      ...(current === undefined ? {} : { from: current.planId }),
      to: next.planId,
      switched,
    },
  };
};
