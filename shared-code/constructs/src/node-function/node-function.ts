import { join } from 'node:path';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { LambdaEventSourceMapping } from '@cdktf/provider-aws/lib/lambda-event-source-mapping/index.js';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function/index.js';
import { App, AssetType, Construct, Lazy, TerraformAsset } from '../cdktf/index.ts';
import { DeadLetterRecorder } from '../dead-letter-recorder/dead-letter-recorder.ts';
import { type Grantee, type PolicyStatement, ServiceRole } from '../iam/index.ts';
import { referenceParameter } from '../parameters/index.ts';
import type { ConsumableQueue } from '../service-queue/consumable-queue.ts';
import { ConsumedQueue } from '../service-queue/consumed-queue.ts';
import { defaultQueueTiming } from '../service-queue/queue-settings.ts';
import { ServiceStack } from '../service-stack/index.ts';
import { bundleHandler, type FunctionBundle } from './bundle.ts';
import {
  type FunctionSettingsProps,
  resolveFunctionSettings,
  validateFunctionSettings,
} from './function-settings.ts';
import { type ConsumeOptions, defaultConsumeOptions, validateConsumeOptions } from './queue-consumption.ts';
import {
  defaultStreamConsumeOptions,
  type StreamConsumeOptions,
  type StreamSource,
  streamReadActions,
  validateStreamConsumeOptions,
} from './stream-consumption.ts';

export interface NodeFunctionProps extends FunctionSettingsProps {
  /** Name suffix; the physical name is `{app}-{stage}-{project}-{name}`. */
  readonly name: string;
  /** Path of the TypeScript module whose `handler` export is the entry point. */
  readonly entry: string;
  /** Default: the name. */
  readonly description?: string;
  /** Variables besides those every function gets (app, stage, service name, source maps). */
  readonly environment?: Readonly<Record<string, string>>;
}

/** shared-infra's key for logs and function environments: encrypted with a key the account controls. */
const appKeyParameter = { project: 'shared-infra', thing: 'log-key', attribute: 'arn' } as const;

/**
 * A Node.js Lambda function: its own bundle, role (granted only what the stack grants it), encrypted log group
 * with retention, and X-Ray tracing.
 */
export class NodeFunction extends Construct implements Grantee {
  /** The name it was given, without the stack's prefix. */
  readonly name: string;
  readonly lambda: LambdaFunction;
  readonly role: ServiceRole;
  readonly logGroup: CloudwatchLogGroup;
  readonly bundle: FunctionBundle;
  readonly timeoutSeconds: number;
  private readonly environment: Record<string, string>;

  constructor(scope: Construct, id: string, props: NodeFunctionProps) {
    super(scope, id);
    const errors = validateFunctionSettings(props);
    if (errors.length > 0) throw new Error(`${this.node.path}: ${errors.join('; ')}`);
    const settings = resolveFunctionSettings(props);
    const stack = ServiceStack.of(this);
    const functionName = stack.physicalName(props.name, 64);
    this.name = props.name;
    this.timeoutSeconds = settings.timeoutSeconds;
    this.environment = {
      SEC_AN_APP: stack.naming.app,
      SEC_AN_STAGE: stack.naming.stage,
      POWERTOOLS_SERVICE_NAME: props.name,
      NODE_OPTIONS: '--enable-source-maps',
      ...props.environment,
    };
    this.bundle = bundleHandler(props.entry, join(App.of(this).outdir, 'bundles', stack.node.id, props.name));
    const deploymentPackage = new TerraformAsset(this, 'package', {
      path: this.bundle.archive,
      type: AssetType.FILE,
    });
    const appKeyArn = referenceParameter(this, appKeyParameter).value;
    this.logGroup = new CloudwatchLogGroup(this, 'logs', {
      name: `/aws/lambda/${functionName}`,
      retentionInDays: settings.logRetentionDays,
      kmsKeyId: appKeyArn,
    });
    this.role = new ServiceRole(this, 'role', { name: props.name, assumedBy: 'lambda.amazonaws.com' });
    this.role.addToPolicy({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [`${this.logGroup.arn}:*`],
    });
    this.role.addToPolicy({
      actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
      resources: ['*'],
    });
    this.role.addToPolicy({ actions: ['kms:Decrypt'], resources: [appKeyArn] });
    this.lambda = new LambdaFunction(this, 'function', {
      functionName,
      description: props.description ?? props.name,
      role: this.role.roleArn,
      runtime: 'nodejs24.x',
      architectures: ['arm64'],
      handler: this.bundle.handler,
      filename: deploymentPackage.path,
      sourceCodeHash: deploymentPackage.assetHash,
      timeout: settings.timeoutSeconds,
      memorySize: settings.memorySizeMb,
      tracingConfig: { mode: 'Active' },
      kmsKeyArn: appKeyArn,
      loggingConfig: { logFormat: 'JSON', logGroup: this.logGroup.name },
      environment: { variables: Lazy.anyValue({ produce: () => ({ ...this.environment }) }) as never },
      dependsOn: [this.logGroup],
    });
  }

  get functionName(): string {
    return this.lambda.functionName;
  }

  get functionArn(): string {
    return this.lambda.arn;
  }

  addToPolicy(statement: PolicyStatement): void {
    this.role.addToPolicy(statement);
  }

  /**
   * Drains `queue` through an event source mapping that reports batch item failures, and grants exactly what
   * that takes: consuming this queue, and dead-lettering into its own dead-letter queue.
   */
  consume(queue: ConsumableQueue, options: ConsumeOptions = {}): LambdaEventSourceMapping {
    const errors = validateConsumeOptions(options);
    if (errors.length > 0)
      throw new Error(`${this.node.path} consuming ${queue.node.path}: ${errors.join('; ')}`);
    const resolved = { ...defaultConsumeOptions, ...options };
    queue.attachConsumer({
      timeoutSeconds: this.timeoutSeconds,
      batchingWindowSeconds: resolved.maximumBatchingWindowSeconds,
    });
    queue.grantConsumeMessages(this);
    queue.grantDeadLettering?.(this);
    return new LambdaEventSourceMapping(this, `consume-${queue.node.path.replaceAll('/', '-')}`, {
      eventSourceArn: queue.queueArn,
      functionName: this.functionArn,
      batchSize: resolved.batchSize,
      maximumBatchingWindowInSeconds: resolved.maximumBatchingWindowSeconds,
      functionResponseTypes: ['ReportBatchItemFailures'],
      scalingConfig: { maximumConcurrency: resolved.maximumConcurrency },
    });
  }

  /**
   * Consumes a DynamoDB stream through an event source mapping that reports batch item failures, retries a
   * failing record a bounded number of times (bisecting its batch first) and then sends its description to the
   * function's stream-failures queue, which the stack's dead-letter recorder archives: a bad record never holds
   * its shard. Grants exactly reading that stream and sending to that queue.
   */
  consumeStream(stream: StreamSource, options: StreamConsumeOptions = {}): LambdaEventSourceMapping {
    const errors = validateStreamConsumeOptions(options);
    if (errors.length > 0)
      throw new Error(`${this.node.path} consuming the stream of ${stream.node.path}: ${errors.join('; ')}`);
    const resolved = { ...defaultStreamConsumeOptions, ...options };
    this.addToPolicy({ actions: streamReadActions, resources: [stream.streamArn] });
    const failures = this.streamFailures();
    return new LambdaEventSourceMapping(this, `consume-stream-${stream.node.path.replaceAll('/', '-')}`, {
      eventSourceArn: stream.streamArn,
      functionName: this.functionArn,
      startingPosition: resolved.startingPosition,
      batchSize: resolved.batchSize,
      maximumBatchingWindowInSeconds: resolved.maximumBatchingWindowSeconds,
      bisectBatchOnFunctionError: resolved.bisectBatchOnFunctionError,
      maximumRetryAttempts: resolved.maximumRetryAttempts,
      ...(resolved.maximumRecordAgeSeconds === undefined
        ? {}
        : { maximumRecordAgeInSeconds: resolved.maximumRecordAgeSeconds }),
      parallelizationFactor: resolved.parallelizationFactor,
      functionResponseTypes: ['ReportBatchItemFailures'],
      destinationConfig: { onFailure: { destinationArn: failures.queueArn } },
    });
  }

  /** One queue per function for the records of every stream it gave up on; Lambda sends with the function's role. */
  private streamFailures(): ConsumedQueue {
    const existing = this.node.tryFindChild('stream-failures');
    if (existing instanceof ConsumedQueue) return existing;
    const failures = new ConsumedQueue(this, 'stream-failures', {
      name: `${this.name}-stream-failures`,
      retentionPeriodSeconds: defaultQueueTiming.deadLetterRetentionPeriodSeconds,
      deliveryDelaySeconds: 0,
      defaultConsumer: {
        timeoutSeconds: defaultQueueTiming.consumerTimeoutSeconds,
        batchingWindowSeconds: 0,
      },
    });
    failures.grantSendMessages(this);
    DeadLetterRecorder.of(this).drain(failures);
    return failures;
  }

  addEnvironment(name: string, value: string): void {
    if (name in this.environment) throw new Error(`${this.node.path}: ${name} is already set`);
    this.environment[name] = value;
  }
}
