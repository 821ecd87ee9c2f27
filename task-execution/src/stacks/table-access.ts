import type { Construct } from '@sec-an/constructs/cdktf';
import type { NodeFunction } from '@sec-an/constructs/node-function';
import { referenceParameter } from '@sec-an/constructs/parameters';
import type { TableModel } from '../tables/index.ts';
import { tableParameter } from './published-parameters.ts';

/** DynamoDB actions a function may take on one table, named as IAM names them. */
export type TableAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:BatchWriteItem'
  | 'dynamodb:Query'
  | 'dynamodb:Scan';

/**
 * Gives a function one table of the tables stack: its physical name in the variable its model names, read from the
 * stack's published parameter at deploy time, and the actions it takes on that table's ARN, nothing more.
 */
export const useTable = (
  scope: Construct,
  fn: NodeFunction,
  table: TableModel,
  actions: readonly TableAction[],
): void => {
  const name = referenceParameter(scope, tableParameter(table, 'name')).value;
  const arn = referenceParameter(scope, tableParameter(table, 'arn')).value;
  fn.addEnvironment(table.nameVariable, name);
  fn.addToPolicy({ actions, resources: [arn] });
};
