import { ConfigurationError } from '@sec-an/runtime/errors';
import {
  addressesTable,
  dnsIngestsTable,
  scanPlansTable,
  scanPlanTable,
  type TableModel,
} from '../tables/index.ts';

/**
 * The delay queue's URL. It is an environment variable, not an SSM parameter: the queue and this function live
 * in the same stack, so Terraform hands one to the other and no later move can leave them apart.
 */
export const delayQueueUrlVariable = 'SEC_AN_DELAY_QUEUE_URL';

/** The tables the initiator reads or writes; the stack sets each one's `nameVariable`. */
export const initiatorTables = [addressesTable, dnsIngestsTable, scanPlanTable, scanPlansTable] as const;

/** Every environment variable the plan-and-initiate function needs besides what the planner reads. */
export const initiatorEnvironmentVariables = [
  delayQueueUrlVariable,
  ...initiatorTables.map((table) => table.nameVariable),
] as const;

export interface InitiatorSettings {
  readonly delayQueueUrl: string;
  readonly addressesTable: string;
  readonly dnsIngestsTable: string;
  readonly scanPlanTable: string;
  readonly scanPlansTable: string;
}

const required = (environment: NodeJS.ProcessEnv, name: string, what: string): string => {
  const value = environment[name];
  if (value === undefined || value === '') {
    throw new ConfigurationError(`${name} is not set: the stack gives the initiator ${what} through it`);
  }
  return value;
};

const tableName = (environment: NodeJS.ProcessEnv, table: TableModel): string =>
  required(environment, table.nameVariable, `the ${table.name} table's name`);

export const initiatorSettingsFromEnvironment = (environment = process.env): InitiatorSettings => ({
  delayQueueUrl: required(environment, delayQueueUrlVariable, "the delay queue's URL"),
  addressesTable: tableName(environment, addressesTable),
  dnsIngestsTable: tableName(environment, dnsIngestsTable),
  scanPlanTable: tableName(environment, scanPlanTable),
  scanPlansTable: tableName(environment, scanPlansTable),
});
