import { readScanScope } from '@sec-an/runtime/scan-scope';
import { type SendBatch, sqsSendBatch } from './delay-queue.ts';
import type { InitiatorHooks } from './initiate-bucket.ts';
import { initiatePlan, type PlanInitiation } from './initiate-plan.ts';
import type { InitiatorSettings } from './initiator-settings.ts';
import { latestCompleteIngest } from './latest-ingest.ts';
import { type PlanReason, planReason } from './plan-decision.ts';
import { MalformedPlanError } from './plan-record.ts';
import { planFor } from './planner.ts';
import { readCurrentPlan, switchCurrentPlan } from './plans-table.ts';

/** The seams of a run, each defaulting to the deployed behaviour: tests use them to inject a fault or move time. */
export interface RunOptions {
  /** Default: SendMessageBatch to the delay queue, delays counted by `now`. */
  readonly send?: SendBatch;
  readonly now?: () => number;
  readonly hooks?: InitiatorHooks;
}

const planTables = (settings: InitiatorSettings) => ({
  addresses: settings.addressesTable,
  scanPlan: settings.scanPlanTable,
  scanPlans: settings.scanPlansTable,
});

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
 * due (nothing, when it starts at the next boundary as planned). While some due scan of the followed plan waits
 * to be sent again, no new plan is switched to: the next run sends it first.
 */
export const planAndInitiate = async (
  settings: InitiatorSettings,
  options: RunOptions = {},
): Promise<RunReport> => {
  const now = options.now ?? Date.now;
  const context = {
    ...settings,
    scope: await readScanScope(),
    send: options.send ?? sqsSendBatch(settings.delayQueueUrl, now),
    now,
    hooks: options.hooks ?? {},
  };
  const current = await readCurrentPlan(settings.scanPlansTable);
  const initiations: PlanInitiation[] = [];
  if (current !== undefined) {
    const initiation = await initiatePlan(current, context);
    initiations.push(initiation);
    // Its cursor is behind a bucket that is sent again next run; a switch now would leave that bucket behind.
    if (initiation.buckets.some(({ retryable }) => retryable.length > 0)) return { initiations };
  }
  const latest = await latestCompleteIngest(settings.dnsIngestsTable);
  const reason = planReason(current, latest, now());
  if (reason === undefined || latest === undefined) return { initiations };
  const next = await planFor(planTables(settings), latest.ingestId, now(), context.scope);
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
