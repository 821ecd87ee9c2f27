import { randomUUID } from 'node:crypto';
import type { DeployedSchedule } from '../deployment/index.ts';
import { arnAccount, arnRegion } from '../event-sources/index.ts';
import { ComputeError } from './compute-error.ts';

/** The event EventBridge sends a rule's target when no constant input is set. */
export interface ScheduledEvent {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': 'Scheduled Event';
  readonly source: 'aws.events';
  readonly account: string;
  /** ISO 8601 to the second, as EventBridge writes it. */
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: Record<string, never>;
}

export const scheduledEvent = (
  schedule: DeployedSchedule,
  functionArn: string,
  at: number,
  id: string = randomUUID(),
): ScheduledEvent => {
  const region = arnRegion(functionArn);
  const account = arnAccount(functionArn);
  return {
    version: '0',
    id,
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account,
    time: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [`arn:aws:events:${region}:${account}:rule/${schedule.ruleName}`],
    detail: {},
  };
};

/** The target's constant input, which EventBridge sends instead of the scheduled event; it must be JSON. */
export const constantInput = (schedule: DeployedSchedule): unknown => {
  if (schedule.input === undefined) return undefined;
  try {
    return JSON.parse(schedule.input);
  } catch {
    throw new ComputeError(`the input of schedule ${schedule.address} is not JSON`);
  }
};

/** What a schedule's target is invoked with at `at`. */
export const scheduleTargetEvent = (schedule: DeployedSchedule, functionArn: string, at: number): unknown =>
  schedule.input === undefined ? scheduledEvent(schedule, functionArn, at) : constantInput(schedule);
