/**
 * What the local platform deployed from the synthesized Terraform: the provisioning step produces it, the
 * compute step runs it, the CLI reports on it. Plain data, written to the instance's `deployment.json`.
 */

export interface DeployedFunction {
  /** `<project>/<stack>/<terraform address>`, unique across projects. */
  readonly address: string;
  readonly project: string;
  readonly functionName: string;
  readonly functionArn: string;
  /** `<module>.<export>` as Lambda reads it, e.g. `index.handler`. */
  readonly handler: string;
  readonly runtime: string;
  /** Absolute path of the deployment package (the zip Terraform would upload). */
  readonly archivePath: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly timeoutSeconds: number;
  readonly memorySizeMb: number;
}

export interface DeployedEventSourceMapping {
  readonly address: string;
  readonly functionName: string;
  readonly queueArn: string;
  readonly queueUrl: string;
  readonly batchSize: number;
  readonly maximumBatchingWindowSeconds: number;
  readonly reportBatchItemFailures: boolean;
  /** Lambda's `scaling_config.maximum_concurrency`; absent means as many pollers as the platform allows. */
  readonly maximumConcurrency?: number;
  readonly enabled: boolean;
}

/** A DynamoDB stream event source mapping: the compute step polls the stream as Lambda does. */
export interface DeployedStreamMapping {
  readonly address: string;
  readonly functionName: string;
  readonly streamArn: string;
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST';
  readonly batchSize: number;
  readonly maximumBatchingWindowSeconds: number;
  readonly bisectBatchOnFunctionError: boolean;
  /** -1: retried until the record leaves the stream. */
  readonly maximumRetryAttempts: number;
  /** -1: no limit but the stream's retention. */
  readonly maximumRecordAgeSeconds: number;
  readonly reportBatchItemFailures: boolean;
  /** Where records given up on are described (an SQS queue or SNS topic). */
  readonly onFailureDestinationArn?: string;
  readonly enabled: boolean;
}

/** An SNS subscription with protocol `lambda`. */
export interface DeployedTopicSubscription {
  readonly address: string;
  readonly functionName: string;
  readonly topicArn: string;
  /** The JSON filter policy as written in the subscription, if any. */
  readonly filterPolicy?: string;
  readonly filterPolicyScope?: 'MessageAttributes' | 'MessageBody';
}

export interface DeployedBucketNotification {
  readonly address: string;
  readonly bucketName: string;
  readonly functionName: string;
  readonly events: readonly string[];
  readonly filterPrefix?: string;
  readonly filterSuffix?: string;
}

export interface DeployedSchedule {
  readonly address: string;
  readonly ruleName: string;
  /** `rate(...)` or `cron(...)`, as EventBridge reads it. */
  readonly scheduleExpression: string;
  readonly functionName: string;
  /** The target's constant input, if any. */
  readonly input?: string;
}

/** Lambda's `aws_lambda_function_event_invoke_config`: retries and destinations of asynchronous invocations. */
export interface DeployedAsyncInvokeConfig {
  readonly address: string;
  readonly functionName: string;
  readonly maximumRetryAttempts: number;
  readonly maximumEventAgeSeconds: number;
  readonly onFailureDestinationArn?: string;
  readonly onSuccessDestinationArn?: string;
}

export interface DeployedQueue {
  readonly address: string;
  readonly project: string;
  readonly queueName: string;
  readonly queueUrl: string;
  readonly queueArn: string;
  /** From the queue's redrive policy. */
  readonly deadLetterQueueArn?: string;
  readonly maxReceiveCount?: number;
}

/** An ECS cluster registered in moto; the compute step runs as child processes the tasks started in it. */
export interface DeployedEcsCluster {
  readonly address: string;
  readonly project: string;
  readonly clusterName: string;
  readonly clusterArn: string;
}

/**
 * Terraform's `aws_lambda_invocation`: a function invoked once by the deploy with a constant input. The platform
 * runs each, in deploy order, once the compute step has started; a failed one fails the deploy.
 */
export interface DeployedInvocation {
  readonly address: string;
  readonly project: string;
  readonly functionName: string;
  /** The JSON event, as written in the resource's `input`. */
  readonly input: string;
}

/** A resource of a type the local platform does not create; references to it got placeholder values. */
export interface UnappliedResource {
  readonly address: string;
  readonly type: string;
  /** Why it was not applied, e.g. `IAM is not emulated` or `protocol email`. */
  readonly reason: string;
}

export interface Deployment {
  readonly functions: readonly DeployedFunction[];
  readonly eventSourceMappings: readonly DeployedEventSourceMapping[];
  /** Absent in a `deployment.json` written before streams were polled locally: then none is. */
  readonly streamMappings?: readonly DeployedStreamMapping[];
  readonly topicSubscriptions: readonly DeployedTopicSubscription[];
  readonly bucketNotifications: readonly DeployedBucketNotification[];
  readonly schedules: readonly DeployedSchedule[];
  readonly asyncInvokeConfigs: readonly DeployedAsyncInvokeConfig[];
  readonly queues: readonly DeployedQueue[];
  /** Absent in a `deployment.json` written before ECS tasks ran locally: then no cluster is watched. */
  readonly ecsClusters?: readonly DeployedEcsCluster[];
  /** Absent in a `deployment.json` written before deploy-time invocations ran locally: then there are none. */
  readonly invocations?: readonly DeployedInvocation[];
  readonly unapplied: readonly UnappliedResource[];
}
