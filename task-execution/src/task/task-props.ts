import type { FunctionSettingsProps } from '@sec-an/constructs/node-function';
import type { StorageTransition } from '@sec-an/constructs/secure-bucket';
import { type FilterPolicy, validateFilterPolicy } from '@sec-an/constructs/service-topic';
import { taskName } from '@sec-an/contracts/scan-result';
import type { TopicSource } from './topic-source.ts';

/** Where a task's work comes from. */
export interface TaskInputProps {
  /** The topic the input queue subscribes to. Default: task-execution's scan-request topic (`scanRequests`). */
  readonly source?: TopicSource;
  /**
   * Which messages of the topic reach the queue, on their message attributes (scan requests carry `origin` and
   * `addressType`, results `task` and `coverage`, every message `contract` and `contract-version`). Default:
   * every message.
   */
  readonly filterPolicy?: FilterPolicy;
  /** Receives before a message goes to the dead-letter queue. Default: 3. */
  readonly maxReceiveCount?: number;
}

/** How a function drains its queue. */
export interface ConsumerProps {
  /** Records per invocation (1..10). Default: 5 for a parser, 10 for a launcher, 1 for a scan function. */
  readonly batchSize?: number;
  /** Concurrent invocations (2..1000). Default: 5 for a parser, 2 for a launcher and a scan function. */
  readonly maximumConcurrency?: number;
}

/** A function of the scanner's own code: its entry module and settings. */
export interface TaskFunctionProps extends FunctionSettingsProps, ConsumerProps {
  /** Path of the TypeScript module whose `handler` export handles the queue's records. */
  readonly entry: string;
  /** Variables besides the task's (`SEC_AN_TASK_NAME`, `SEC_AN_RESULTS_BUCKET`, ...). */
  readonly environment?: Readonly<Record<string, string>>;
}

/** The data lake of raw output. */
export interface RawResultsProps {
  /**
   * Moves to cheaper storage. Default: STANDARD_IA after 30 days, GLACIER_IR after 180: raw output is read again
   * only to re-parse it, which Glacier Instant Retrieval serves in milliseconds.
   */
  readonly transitions?: readonly StorageTransition[];
  /** Days after which raw output is deleted. Default: never; it is the data lake re-ingestion reads. */
  readonly expirationDays?: number;
  /** Delete every object when the bucket is destroyed (for throwaway stages). Default: false. */
  readonly forceDestroy?: boolean;
}

/** What every task declares, whether a function or a Fargate task scans. */
export interface TaskBaseProps {
  /**
   * The task's name: its results' `task` (so its index names), and the prefix of its resources and parameters.
   * Lower-case letters, digits and dashes, starting with a letter, 2..63 characters; unique in the app.
   */
  readonly name: string;
  /** Default: scan requests, every one. */
  readonly input?: TaskInputProps;
  /** The scanner's parser: triggered by each raw object the scan writes, it publishes the task's results. */
  readonly parser: TaskFunctionProps;
  /** Default: see `RawResultsProps`. */
  readonly rawResults?: RawResultsProps;
  /** Subscribe analytics-platform's ingest queue to the results topic. Default: true. */
  readonly ingestResults?: boolean;
  /**
   * Let the parser record `lastScannedAt`/`lastScanTask` on task-execution's addresses table (coverage). Default:
   * true for a task fed by scan requests (a primary scanner), false otherwise.
   */
  readonly recordsLastScan?: boolean;
}

export const defaultTaskProps = {
  maxReceiveCount: 3,
  transitions: [
    { storageClass: 'STANDARD_IA', days: 30 },
    { storageClass: 'GLACIER_IR', days: 180 },
  ],
  parserConsumer: { batchSize: 5, maximumConcurrency: 5 },
} as const satisfies {
  maxReceiveCount: number;
  transitions: readonly StorageTransition[];
  parserConsumer: Required<ConsumerProps>;
};

/** Checks what the constructs themselves do not (names, filter policy); the rest is checked where it is used. */
export const validateTaskBaseProps = (props: TaskBaseProps): string[] => [
  ...(taskName.safeParse(props.name).success
    ? []
    : [`name "${props.name}" must be 2..63 lower-case letters, digits and dashes, starting with a letter`]),
  ...(props.input?.filterPolicy === undefined
    ? []
    : validateFilterPolicy(props.input.filterPolicy).map((error) => `input.filterPolicy: ${error}`)),
];
