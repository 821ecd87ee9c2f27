import { ConfigurationError } from '@sec-an/runtime/errors';
import {
  emptyScanScopeDefinition,
  parseScanScope,
  type ScanScopeDefinition,
  scanScopeDefinitionSchema,
} from '@sec-an/runtime/scan-scope';
import { parseRoleArns } from '../dns-inventory/dns-reader-role.ts';
import { defaultPlanSettings, type PlanSettings, validatePlanSettings } from '../planning/index.ts';
import { type SubnetTier, subnetTiers } from '../task-runtime/task-settings.ts';
import { everyBucket } from './schedules.ts';
import { parseTimeOfDay, type TimeOfDay } from './time-of-day.ts';

/** What task-execution's stacks may be told by the environment of `cdktf synth` / `cdktf deploy`. */
export interface TaskExecutionSettings {
  /** The scan scope the stage deploys with (SSM `scan-scope/definition`); nothing in scope by default. */
  readonly scanScope: ScanScopeDefinition;
  /** The plan's period and buckets (SSM `scan-plan/...`), validated as the planner validates them. */
  readonly plan: PlanSettings;
  /** When the daily DNS ingest runs, in UTC; default: a time of the small hours derived from app and stage. */
  readonly dnsIngestTime?: TimeOfDay;
  /** Roles the ingest assumes to read Route53 (SSM `dns-reader/role-arn`); none: its own credentials. */
  readonly dnsReaderRoleArns: readonly string[];
  /** Whether the tables refuse to be deleted (a destroy fails until this is turned off). Default: true. */
  readonly tableDeletionProtection: boolean;
  /** The subnets scanners' tasks run in: private ones when shared-infra has NAT gateways, else public ones. */
  readonly taskSubnetTier: SubnetTier;
}

export class TaskExecutionSettingsError extends Error {
  override readonly name = 'TaskExecutionSettingsError';
}

type Environment = Readonly<Record<string, string | undefined>>;

const settingOf = (environment: Environment, name: string): string | undefined => {
  const value = environment[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/** The planner's own validation, with the settings named instead of the parameters they become. */
const planSettings = (environment: Environment): PlanSettings => {
  const periodSeconds =
    settingOf(environment, 'SEC_AN_PLAN_PERIOD_SECONDS') ?? String(defaultPlanSettings.periodSeconds);
  const buckets = settingOf(environment, 'SEC_AN_PLAN_BUCKETS') ?? String(defaultPlanSettings.buckets);
  const named = `SEC_AN_PLAN_PERIOD_SECONDS="${periodSeconds}", SEC_AN_PLAN_BUCKETS="${buckets}"`;
  let plan: PlanSettings;
  try {
    plan = validatePlanSettings({ periodSeconds, buckets });
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    throw new TaskExecutionSettingsError(`${named}: ${error.message}`, { cause: error });
  }
  try {
    everyBucket(plan.bucketSeconds);
  } catch (error) {
    throw new TaskExecutionSettingsError(`${named}: ${(error as Error).message}`, { cause: error });
  }
  return plan;
};

const scanScope = (environment: Environment): ScanScopeDefinition => {
  const text = settingOf(environment, 'SEC_AN_SCAN_SCOPE');
  if (text === undefined) return emptyScanScopeDefinition;
  try {
    parseScanScope(text, 'SEC_AN_SCAN_SCOPE');
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    throw new TaskExecutionSettingsError(error.message, { cause: error });
  }
  // Written back with both lists of both kinds, as the planner and the scanners read it.
  return scanScopeDefinitionSchema.parse(JSON.parse(text));
};

const ingestTime = (environment: Environment): TimeOfDay | undefined => {
  const text = settingOf(environment, 'SEC_AN_DNS_INGEST_TIME');
  if (text === undefined) return undefined;
  const time = parseTimeOfDay(text);
  if (time === undefined) {
    throw new TaskExecutionSettingsError(
      `SEC_AN_DNS_INGEST_TIME="${text}" is not a time of day in UTC as HH:MM (00:00 to 23:59)`,
    );
  }
  return time;
};

const readerRoles = (environment: Environment): string[] => {
  try {
    return parseRoleArns(settingOf(environment, 'SEC_AN_DNS_READER_ROLE_ARN'), 'SEC_AN_DNS_READER_ROLE_ARN');
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    throw new TaskExecutionSettingsError(error.message, { cause: error });
  }
};

const flag = (environment: Environment, name: string, fallback: boolean): boolean => {
  const value = settingOf(environment, name);
  if (value === undefined) return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new TaskExecutionSettingsError(`${name}="${value}" is neither true nor false`);
};

const isTier = (value: string): value is SubnetTier => (subnetTiers as readonly string[]).includes(value);

/**
 * Tasks reach their targets from private subnets only through NAT, so the tier follows shared-infra's own
 * setting (the same environment deploys both) unless it is named.
 */
const taskSubnetTier = (environment: Environment): SubnetTier => {
  const named = settingOf(environment, 'SEC_AN_TASK_SUBNETS');
  if (named !== undefined) {
    if (isTier(named)) return named;
    throw new TaskExecutionSettingsError(
      `SEC_AN_TASK_SUBNETS="${named}" is neither ${subnetTiers.join(' nor ')}`,
    );
  }
  const nat = settingOf(environment, 'SEC_AN_NAT_GATEWAYS') ?? 'none';
  if (nat === 'none') return 'public';
  if (nat === 'single' || nat === 'per-zone') return 'private';
  throw new TaskExecutionSettingsError(`SEC_AN_NAT_GATEWAYS="${nat}" is none of none, single, per-zone`);
};

/** Reads the settings listed in task-execution's README; every bad value is refused at synth, by name. */
export const taskExecutionSettingsFrom = (environment: Environment = process.env): TaskExecutionSettings => {
  const time = ingestTime(environment);
  return {
    scanScope: scanScope(environment),
    plan: planSettings(environment),
    ...(time === undefined ? {} : { dnsIngestTime: time }),
    dnsReaderRoleArns: readerRoles(environment),
    tableDeletionProtection: flag(environment, 'SEC_AN_TABLE_DELETION_PROTECTION', true),
    taskSubnetTier: taskSubnetTier(environment),
  };
};
