import { ConfigurationError } from '@sec-an/runtime/errors';
import { addressesTable, scanPlansTable, scanPlanTable, type TableModel } from '../tables/index.ts';

/** The physical names of the tables the planner reads and writes. */
export interface PlanTables {
  readonly addresses: string;
  readonly scanPlan: string;
  readonly scanPlans: string;
}

const physicalName = (model: TableModel): string => {
  const name = process.env[model.nameVariable];
  if (name === undefined || name === '') {
    throw new ConfigurationError(`${model.nameVariable} is not set: it names the ${model.name} table`);
  }
  return name;
};

/** From the environment variables the stack sets. */
export const planTablesFromEnvironment = (): PlanTables => ({
  addresses: physicalName(addressesTable),
  scanPlan: physicalName(scanPlanTable),
  scanPlans: physicalName(scanPlansTable),
});
