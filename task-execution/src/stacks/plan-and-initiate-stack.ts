import { fileURLToPath } from 'node:url';
import type { Construct } from '@sec-an/constructs/cdktf';
import { NodeFunction } from '@sec-an/constructs/node-function';
import { grantReadParameter, referenceParameter } from '@sec-an/constructs/parameters';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { scanScopeParameter } from '@sec-an/runtime/scan-scope';
import { delayQueueUrlVariable } from '../initiator/initiator-settings.ts';
import { type PlanSettings, planBucketsParameter, planPeriodParameter } from '../planning/index.ts';
import { addressesTable, dnsIngestsTable, scanPlansTable, scanPlanTable } from '../tables/index.ts';
import { FunctionSchedule } from './function-schedule.ts';
import { delayQueueArnParameter, delayQueueUrlParameter } from './published-parameters.ts';
import { everyBucket } from './schedules.ts';
import { useTable } from './table-access.ts';
import { taskExecutionProject } from './task-execution-project.ts';

export interface PlanAndInitiateStackProps extends DeploymentSettings {
  /** The plan settings the stage deploys with: the schedule runs at the start of each of their buckets. */
  readonly plan: PlanSettings;
}

/**
 * The planner and initiator: at the start of every bucket, it plans from the latest complete DNS ingest when a
 * new plan is due, then sends the scans of the buckets now due to the delay queue, each delayed to its moment.
 */
export class PlanAndInitiateStack extends ServiceStack {
  readonly planAndInitiate: NodeFunction;
  readonly schedule: FunctionSchedule;

  constructor(scope: Construct, id: string, props: PlanAndInitiateStackProps) {
    super(scope, id, { ...props, project: taskExecutionProject });
    // Refused before anything is built: plan settings the schedule cannot follow.
    const expression = everyBucket(props.plan.bucketSeconds);
    // Planning a large estate writes a row per address; a run may take minutes, and never overlaps the next
    // bucket's run by much: the initiator resumes from the plan's cursor.
    this.planAndInitiate = new NodeFunction(this, 'plan-and-initiate', {
      name: 'plan-and-initiate',
      entry: fileURLToPath(new URL('../handlers/plan-and-initiate.ts', import.meta.url)),
      description: 'Plans the scans of the latest DNS ingest over the period, and queues the scans now due',
      timeoutSeconds: 900,
      memorySizeMb: 1024,
    });
    const fn = this.planAndInitiate;
    // The planner reads the estate whole and marks each address; the initiator marks the ones it queued.
    useTable(this, fn, addressesTable, ['dynamodb:Scan', 'dynamodb:UpdateItem']);
    useTable(this, fn, dnsIngestsTable, ['dynamodb:Scan']);
    useTable(this, fn, scanPlanTable, ['dynamodb:BatchWriteItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    useTable(this, fn, scanPlansTable, ['dynamodb:GetItem', 'dynamodb:UpdateItem']);
    fn.addEnvironment(delayQueueUrlVariable, referenceParameter(this, delayQueueUrlParameter).value);
    fn.addToPolicy({
      actions: ['sqs:SendMessage'],
      resources: [referenceParameter(this, delayQueueArnParameter).value],
    });
    for (const parameter of [scanScopeParameter, planPeriodParameter, planBucketsParameter]) {
      grantReadParameter(this, fn, parameter);
    }
    this.schedule = new FunctionSchedule(this, 'every-bucket', fn, {
      expression,
      description: `Plan and initiate scans at the start of every ${props.plan.bucketSeconds} s bucket`,
      // A retry later than the next bucket's run is of no use: that run resumes from the cursor.
      retries: { maximumEventAgeSeconds: Math.max(60, props.plan.bucketSeconds) },
    });
  }
}
