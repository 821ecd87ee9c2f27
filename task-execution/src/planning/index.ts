export type { PlanPeriod } from './plan-period.ts';
export { bucketAt, bucketKey, nextBucketBoundary, planIdOf, planPeriod } from './plan-period.ts';
export { scanPlanWrites } from './plan-rows.ts';
export type { PlanSettings, RawPlanSettings } from './plan-settings.ts';
export {
  defaultPlanSettings,
  maxBucketSeconds,
  minBucketSeconds,
  planBucketsParameter,
  planPeriodParameter,
  readPlanSettings,
  validatePlanSettings,
} from './plan-settings.ts';
export type { PlanTables } from './plan-tables.ts';
export { planTablesFromEnvironment } from './plan-tables.ts';
export type { PlanSummary, WritePlanOptions } from './plan-writer.ts';
export { writePlan } from './plan-writer.ts';
export { plannedRequestId } from './request-id.ts';
export type { Placement } from './spread.ts';
export { spreadAddresses } from './spread.ts';
