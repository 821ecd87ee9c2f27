export type { SendBatch, SendFailure } from './delay-queue.ts';
export { sqsSendBatch } from './delay-queue.ts';
export type { BucketOutcome, InitiatorHooks, NotSent } from './initiate-bucket.ts';
export type { PlanInitiation } from './initiate-plan.ts';
export type { InitiatorSettings } from './initiator-settings.ts';
export {
  delayQueueUrlVariable,
  initiatorEnvironmentVariables,
  initiatorSettingsFromEnvironment,
  initiatorTables,
} from './initiator-settings.ts';
export type { PlanSwitch, RunOptions, RunReport } from './plan-and-initiate.ts';
export { planAndInitiate } from './plan-and-initiate.ts';
export { currentPlanAttribute, currentPlanKey } from './plans-table.ts';
export { runFailure } from './run-failure.ts';
