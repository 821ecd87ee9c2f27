import type {
  DeployedAsyncInvokeConfig,
  DeployedBucketNotification,
  DeployedEcsCluster,
  DeployedEventSourceMapping,
  DeployedFunction,
  DeployedInvocation,
  DeployedQueue,
  DeployedSchedule,
  DeployedStreamMapping,
  DeployedTopicSubscription,
  Deployment,
  UnappliedResource,
} from '../deployment/index.ts';

/** An EventBridge rule, kept until a target names it: a schedule of a function, or a pattern moto matches. */
export interface RecordedRule {
  readonly scheduleExpression?: string;
  readonly eventPattern?: string;
  readonly enabled: boolean;
}

/** Collects what the compute step must run, in the order the resources were applied. */
export class DeploymentRecorder {
  readonly functions: DeployedFunction[] = [];
  readonly eventSourceMappings: DeployedEventSourceMapping[] = [];
  readonly streamMappings: DeployedStreamMapping[] = [];
  readonly topicSubscriptions: DeployedTopicSubscription[] = [];
  readonly bucketNotifications: DeployedBucketNotification[] = [];
  readonly schedules: DeployedSchedule[] = [];
  readonly asyncInvokeConfigs: DeployedAsyncInvokeConfig[] = [];
  readonly queues: DeployedQueue[] = [];
  readonly ecsClusters: DeployedEcsCluster[] = [];
  readonly invocations: DeployedInvocation[] = [];
  readonly unapplied: UnappliedResource[] = [];
  /** Rules by name; EventBridge rule names are unique per bus and sec-an uses the default bus. */
  readonly rules = new Map<string, RecordedRule>();

  /** A separate redrive policy resource changes a queue recorded earlier. */
  updateQueue(queueUrl: string, change: Pick<DeployedQueue, 'deadLetterQueueArn' | 'maxReceiveCount'>): void {
    const index = this.queues.findIndex((queue) => queue.queueUrl === queueUrl);
    const queue = this.queues[index];
    if (queue !== undefined) this.queues[index] = { ...queue, ...change };
  }

  deployment(): Deployment {
    return {
      functions: [...this.functions],
      eventSourceMappings: [...this.eventSourceMappings],
      streamMappings: [...this.streamMappings],
      topicSubscriptions: [...this.topicSubscriptions],
      bucketNotifications: [...this.bucketNotifications],
      schedules: [...this.schedules],
      asyncInvokeConfigs: [...this.asyncInvokeConfigs],
      queues: [...this.queues],
      ecsClusters: [...this.ecsClusters],
      invocations: [...this.invocations],
      unapplied: [...this.unapplied],
    };
  }
}
