import type { ParameterAddress } from '@sec-an/runtime/parameters';

/** A parameter another project publishes, addressed without app and stage (those are the caller's). */
export type ProjectParameter = Omit<ParameterAddress, 'app' | 'stage'>;

/**
 * What the Task constructs put into their functions' environment. Values that live in the task's own stack are
 * environment variables (Terraform hands one resource's id to the other, so no later move can part them);
 * values other projects publish are read from SSM at call time.
 */
export const taskVariables = {
  /** The task's name, as in its results' `task`. */
  taskName: 'SEC_AN_TASK_NAME',
  /** The task's raw-results bucket. */
  resultsBucket: 'SEC_AN_RESULTS_BUCKET',
  /** The task's results topic (parser only). */
  resultsTopicArn: 'SEC_AN_RESULTS_TOPIC_ARN',
  /** The task definition, with its revision, that the launcher runs (ECS only). */
  taskDefinitionArn: 'SEC_AN_TASK_DEFINITION_ARN',
  /** The container of that definition that gets the request (ECS only). */
  containerName: 'SEC_AN_TASK_CONTAINER',
  /** The security group the task's network interface is placed in (ECS only). */
  securityGroupId: 'SEC_AN_TASK_SECURITY_GROUP',
} as const;

/** What an ECS task's container finds in its environment, set by the launcher for each request. */
export const containerVariables = {
  /** The request's JSON, when it is small enough for RunTask's overrides. */
  request: 'SEC_AN_SCAN_REQUEST',
  /** Otherwise the key of the request's JSON in the results bucket. */
  requestKey: 'SEC_AN_SCAN_REQUEST_KEY',
  requestId: 'SEC_AN_SCAN_REQUEST_ID',
  resultsBucket: 'SEC_AN_RESULTS_BUCKET',
} as const;

/** Where a task's raw output goes in its bucket; the parser is triggered by objects created under it. */
export const rawResultsPrefix = 'raw/';

/** Where the launcher keeps a request too large for RunTask's overrides, for the container to read. */
export const requestsPrefix = 'requests/';

const taskExecution = (thing: string, attribute: string): ProjectParameter => ({
  project: 'task-execution',
  thing,
  attribute,
});

/** The topic every primary scanner's input queue subscribes to (deploy time: Terraform needs the ARN). */
export const scanRequestTopicParameter = taskExecution('scan-request-topic', 'arn');

/** The addresses table, whose `lastScannedAt`/`lastScanTask` a primary scanner's parser writes. */
export const addressesTableArnParameter = taskExecution('addresses-table', 'arn');
export const addressesTableNameParameter = taskExecution('addresses-table', 'name');

/** The ECS cluster the tasks run in (call time for RunTask, deploy time for the launcher's IAM condition). */
export const clusterArnParameter = taskExecution('cluster', 'arn');

/** The subnet tier tasks run in: `public` or `private`, so that turning NAT on moves them without a deploy. */
export const taskSubnetTierParameter = taskExecution('task-subnets', 'tier');

export const subnetTiers = ['public', 'private'] as const;
export type SubnetTier = (typeof subnetTiers)[number];

/** shared-infra's subnets of a tier, comma-separated. */
export const subnetIdsParameter = (tier: SubnetTier): ProjectParameter => ({
  project: 'shared-infra',
  thing: `${tier}-subnets`,
  attribute: 'ids',
});

/** shared-infra's VPC, in which a task's security group is made. */
export const vpcIdParameter: ProjectParameter = { project: 'shared-infra', thing: 'vpc', attribute: 'id' };

/** analytics-platform's ingest queue, which admits every results topic of the app and stage. */
export const ingestQueueArnParameter: ProjectParameter = {
  project: 'analytics-platform',
  thing: 'ingest-queue',
  attribute: 'arn',
};
