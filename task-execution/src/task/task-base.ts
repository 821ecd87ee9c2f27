import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule/index.js';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target/index.js';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription/index.js';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy/index.js';
import { Construct } from '@sec-an/constructs/cdktf';
import type { Grantee } from '@sec-an/constructs/iam';
import { NodeFunction } from '@sec-an/constructs/node-function';
import { grantReadParameter, referenceParameter } from '@sec-an/constructs/parameters';
import { SecureBucket } from '@sec-an/constructs/secure-bucket';
import { ServiceQueue } from '@sec-an/constructs/service-queue';
import { ServiceStack } from '@sec-an/constructs/service-stack';
import { ServiceTopic } from '@sec-an/constructs/service-topic';
import { contractAttribute } from '@sec-an/contracts/contract';
import { scanResultV1 } from '@sec-an/contracts/scan-result';
import { scanScopeParameter } from '@sec-an/runtime/scan-scope';
import { claimCheckPrefix } from '@sec-an/runtime/sns';
import {
  addressesTableArnParameter,
  addressesTableNameParameter,
  ingestQueueArnParameter,
  rawResultsPrefix,
  taskVariables,
} from '../task-runtime/index.ts';
import { defaultTaskProps, type TaskBaseProps, validateTaskBaseProps } from './task-props.ts';
import { isScanRequests, resultsTopicThing, scanRequests, type TopicSource } from './topic-source.ts';

/** The S3 events EventBridge receives for objects created under `prefix` of one bucket. */
export const objectCreatedPattern = (bucketName: string, prefix: string) => ({
  source: ['aws.s3'],
  'detail-type': ['Object Created'],
  detail: { bucket: { name: [bucketName] }, object: { key: [{ prefix }] } },
});

/**
 * What every task has, whoever scans: its input queue subscribed to its source topic, its raw-results bucket, the
 * parser that each new raw object triggers, and its results topic, published and subscribed by the analytics
 * ingest queue. `Task` adds a scan function, `EcsTask` a Fargate task and its launcher.
 */
export abstract class TaskBase extends Construct {
  readonly taskName: string;
  /** Scan requests (or another task's results) waiting to be scanned. */
  readonly inputQueue: ServiceQueue;
  readonly inputSubscription: SnsTopicSubscription;
  /** Every scan's raw output under `raw/`: the data lake the parser (and a later re-ingestion) reads. */
  readonly rawResults: SecureBucket;
  /** The object-created events of `raw/`, one per raw object, drained by the parser. */
  readonly rawEvents: ServiceQueue;
  readonly rawCreatedRule: CloudwatchEventRule;
  readonly parser: NodeFunction;
  readonly resultsTopic: ServiceTopic;
  /** Absent when `ingestResults` is false. */
  readonly ingestSubscription: SnsTopicSubscription | undefined;

  /** `variantErrors`: what the variant found wrong with its own props, reported with the rest before anything is built. */
  protected constructor(
    scope: Construct,
    id: string,
    props: TaskBaseProps,
    variantErrors: readonly string[],
  ) {
    super(scope, id);
    const errors = [...validateTaskBaseProps(props), ...variantErrors];
    if (errors.length > 0) throw new Error(`${this.node.path}: ${errors.join('; ')}`);
    this.taskName = props.name;
    const source = props.input?.source ?? scanRequests;

    this.inputQueue = new ServiceQueue(this, 'input-queue', {
      name: `${props.name}-queue`,
      maxReceiveCount: props.input?.maxReceiveCount ?? defaultTaskProps.maxReceiveCount,
    });
    this.inputSubscription = this.subscribeInput(source, props);

    this.rawResults = new SecureBucket(this, 'raw-results', {
      name: `${props.name}-raw-results`,
      transitions: props.rawResults?.transitions ?? defaultTaskProps.transitions,
      ...(props.rawResults?.expirationDays === undefined
        ? {}
        : { expirationDays: props.rawResults.expirationDays }),
      ...(props.rawResults?.forceDestroy === undefined
        ? {}
        : { forceDestroy: props.rawResults.forceDestroy }),
    });
    this.rawResults.publishName(`${props.name}-raw-results`);
    this.rawResults.publishArn(`${props.name}-raw-results`);

    this.resultsTopic = new ServiceTopic(this, 'results-topic', { name: resultsTopicThing(props.name) });
    this.resultsTopic.publishArn();
    this.ingestSubscription = props.ingestResults === false ? undefined : this.subscribeIngest();

    this.rawEvents = new ServiceQueue(this, 'raw-events', { name: `${props.name}-raw-events` });
    this.rawCreatedRule = this.routeRawEvents();
    this.parser = this.createParser(props, props.recordsLastScan ?? isScanRequests(source));
  }

  /** Lets `grantee` write raw output (under `raw/`, never delete it). */
  grantWriteRawResults(grantee: Grantee): void {
    this.rawResults.grantWrite(grantee, rawResultsPrefix);
  }

  /** Lets `grantee` read raw output (under `raw/`). */
  grantReadRawResults(grantee: Grantee): void {
    this.rawResults.grantRead(grantee, rawResultsPrefix);
  }

  /** Lets `grantee` publish on the results topic, and put claim checks of large results in the bucket. */
  grantPublishResults(grantee: Grantee): void {
    this.resultsTopic.grantPublish(grantee);
    this.rawResults.grantWrite(grantee, claimCheckPrefix);
  }

  /** Lets `grantee` record a scan on task-execution's addresses table (UpdateItem only) and find the table. */
  grantRecordLastScan(grantee: Grantee): void {
    grantee.addToPolicy({
      actions: ['dynamodb:UpdateItem'],
      resources: [referenceParameter(this, { ...addressesTableArnParameter }).value],
    });
    grantReadParameter(this, grantee, addressesTableNameParameter);
  }

  /** Lets `grantee` read the scan scope, which a scanner checks before it touches a target. */
  grantReadScanScope(grantee: Grantee): void {
    grantReadParameter(this, grantee, scanScopeParameter);
  }

  /** The task's own variables, for a function or a container of it. */
  protected taskEnvironment(): Record<string, string> {
    return {
      [taskVariables.taskName]: this.taskName,
      [taskVariables.resultsBucket]: this.rawResults.bucketName,
    };
  }

  /** Raw delivery, so the message's attributes arrive as SQS attributes and the body is the message itself. */
  private subscribeInput(source: TopicSource, props: TaskBaseProps): SnsTopicSubscription {
    const topicArn = referenceParameter(this, {
      project: source.project,
      thing: source.thing,
      attribute: 'arn',
    }).value;
    this.inputQueue.allowTopic(topicArn);
    const filterPolicy = props.input?.filterPolicy;
    return new SnsTopicSubscription(this, 'input-subscription', {
      topicArn,
      protocol: 'sqs',
      endpoint: this.inputQueue.queueArn,
      rawMessageDelivery: true,
      ...(filterPolicy === undefined
        ? {}
        : { filterPolicy: JSON.stringify(filterPolicy), filterPolicyScope: 'MessageAttributes' }),
    });
  }

  /**
   * The ingest queue admits every topic of the app and stage by pattern, so subscribing it is this stack's part
   * alone. Only scan results go there: a parser may publish other messages for secondary scanners.
   */
  private subscribeIngest(): SnsTopicSubscription {
    return new SnsTopicSubscription(this, 'ingest-subscription', {
      topicArn: this.resultsTopic.topicArn,
      protocol: 'sqs',
      endpoint: referenceParameter(this, ingestQueueArnParameter).value,
      rawMessageDelivery: true,
      filterPolicy: JSON.stringify({ [contractAttribute]: [scanResultV1.name] }),
      filterPolicyScope: 'MessageAttributes',
    });
  }

  /**
   * The bucket sends its object events to EventBridge (SecureBucket keeps S3's one notification configuration for
   * that), so a rule selects those of `raw/` into the parser's queue: retries, a dead-letter queue and the
   * recorder, as every other input, and claim checks and staged requests elsewhere in the bucket trigger nothing.
   */
  private routeRawEvents(): CloudwatchEventRule {
    const stack = ServiceStack.of(this);
    const rule = new CloudwatchEventRule(this, 'raw-created', {
      name: stack.physicalName(`${this.taskName}-raw-created`, 64),
      description: `Raw results of ${this.taskName}, for its parser`,
      eventPattern: JSON.stringify(objectCreatedPattern(this.rawResults.bucketName, rawResultsPrefix)),
    });
    new CloudwatchEventTarget(this, 'raw-created-to-queue', {
      rule: rule.name,
      targetId: 'raw-events',
      arn: this.rawEvents.queueArn,
    });
    new SqsQueuePolicy(this, 'raw-events-policy', {
      queueUrl: this.rawEvents.queueUrl,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'RawCreatedEventsDeliver',
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: this.rawEvents.queueArn,
            Condition: { ArnEquals: { 'aws:SourceArn': rule.arn } },
          },
        ],
      }),
    });
    return rule;
  }

  private createParser(props: TaskBaseProps, recordsLastScan: boolean): NodeFunction {
    const { entry, environment, batchSize, maximumConcurrency, ...settings } = props.parser;
    const parser = new NodeFunction(this, 'parser', {
      ...settings,
      name: `${props.name}-parser`,
      entry,
      description: `Parses the raw results of ${props.name} into its results topic`,
      environment: {
        ...environment,
        ...this.taskEnvironment(),
        [taskVariables.resultsTopicArn]: this.resultsTopic.topicArn,
      },
    });
    parser.consume(this.rawEvents, {
      batchSize: batchSize ?? defaultTaskProps.parserConsumer.batchSize,
      maximumConcurrency: maximumConcurrency ?? defaultTaskProps.parserConsumer.maximumConcurrency,
    });
    this.grantReadRawResults(parser);
    this.grantPublishResults(parser);
    if (recordsLastScan) this.grantRecordLastScan(parser);
    return parser;
  }
}
