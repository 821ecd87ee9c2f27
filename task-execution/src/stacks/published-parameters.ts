import type { ParameterAddress } from '@sec-an/runtime/parameters';
import type { TableModel } from '../tables/index.ts';
import { taskExecutionProject } from './task-execution-project.ts';

type Published = Omit<ParameterAddress, 'app' | 'stage'>;

const published = (thing: string, attribute: string): Published => ({
  project: taskExecutionProject,
  thing,
  attribute,
});

/** `/{app}/{stage}/task-execution/<table>-table/{name|arn|stream-arn}`: a table's physical name, ARN or stream. */
export const tableParameter = (table: TableModel, attribute: 'name' | 'arn' | 'stream-arn'): Published =>
  published(`${table.name}-table`, attribute);

/** The key that encrypts every table of task-execution. */
export const tableKeyArnParameter = published('table-key', 'arn');

/** The ECS cluster scanners' Fargate tasks run in. */
export const clusterArnParameter = published('cluster', 'arn');
export const clusterNameParameter = published('cluster', 'name');

/** `public` or `private`: the tier of shared-infra's subnets the tasks run in (the ECS Task launcher reads it). */
export const taskSubnetTierParameter = published('task-subnets', 'tier');

/** The topic every primary scanner's input queue subscribes to. */
export const scanRequestTopicArnParameter = published('scan-request-topic', 'arn');

/** The delay queue the initiator sends due scans to, each with its delay. */
export const delayQueueUrlParameter = published('delay-queue', 'url');
export const delayQueueArnParameter = published('delay-queue', 'arn');
