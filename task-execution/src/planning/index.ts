export type { PlanPeriod } from './plan-period.ts';
export { bucketAt, bucketKey, nextBucketBoundary, planIdOf, planPeriod } from './plan-period.ts';
export { planExpiresAt, scanPlanItem, scanPlanItems } from './plan-rows.ts';
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
export { plannedRequestId } from './request-id.ts';
export type { Placement } from './spread.ts';
export { spreadAddresses } from './spread.ts';
