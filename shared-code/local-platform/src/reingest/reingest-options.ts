import { parseArguments } from '../cli/arguments.ts';
import {
  backendOptions,
  backendOptionsUsage,
  type TargetBackends,
  targetBackendsOf,
} from '../cli/target-backends.ts';
import { UsageError } from '../cli/usage-error.ts';
import { parseTime, type TimeWindow } from '../redrive/time-window.ts';

/** A task as its project deploys it: the project publishes the task's raw-results bucket under the task's name. */
export interface TaskAddress {
  readonly project: string;
  readonly task: string;
}

export interface ReingestOptions {
  readonly task: TaskAddress;
  /** Raw objects written to the lake from `since` (inclusive) until `until` (exclusive). */
  readonly window: Required<TimeWindow>;
  readonly dryRun: boolean;
  /** How long to wait for the replayed objects' documents to be indexed again. */
  readonly timeoutSeconds: number;
  readonly backends: TargetBackends;
}

export const defaultTimeoutSeconds = 600;

export const reingestUsage = `usage: ./sec-an reingest --task <project>/<task> --since <time> --until <time> [options]

Replays a task's raw results through its deployed parser, the way the lake delivered them the first time: each
raw object written in the time range gets its S3 "Object Created" event sent again to the queue the task's
EventBridge rule feeds the parser from. The parser stamps its own version on what it publishes and the ingest
indexes it again. The command then compares each object's history documents before and after, and reports per
object and in total the documents identical, changed (with the fields that differ; the parser version is not a
difference), new and no longer produced, and the dead letters raised meanwhile. A parser that has not changed
leaves every document, snapshot documents included, as it was.

  --task <project>/<task>  the task, e.g. nmap-scanner/nmap-scanner (its raw-results bucket is found in SSM)
  --since <time>           raw objects written at or after this time
  --until <time>           raw objects written before this time
                           times: 2026-11-21, 2026-11-21T10:00Z, or a span ago: 30m, 6h, 7d
  --dry-run                list the objects and their current documents; send nothing
  --timeout <seconds>      how long to wait for the documents to be indexed again (default ${defaultTimeoutSeconds})
${backendOptionsUsage}
  --help                   this text`;

const options = {
  task: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  'dry-run': { type: 'boolean' },
  timeout: { type: 'string' },
  ...backendOptions,
} as const;

const namePattern = /^[a-z][a-z0-9-]{1,62}$/;

const taskAddressOf = (text: string | undefined): TaskAddress => {
  if (text === undefined)
    throw new UsageError('--task is required: which task to re-ingest, <project>/<task>');
  const [project = '', task = '', ...rest] = text.split('/');
  if (rest.length > 0 || !namePattern.test(project) || !namePattern.test(task)) {
    throw new UsageError(
      `--task "${text}" is not <project>/<task>: two names of lower-case letters, digits and dashes`,
    );
  }
  return { project, task };
};

const requiredTime = (option: 'since' | 'until', text: string | undefined, now: Date): Date => {
  if (text === undefined) throw new UsageError(`--${option} is required: re-ingestion replays a time range`);
  try {
    return parseTime(`--${option}`, text, now);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
};

const timeoutOf = (text: string | undefined): number => {
  if (text === undefined) return defaultTimeoutSeconds;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`--timeout needs a whole number of seconds of at least 1, not "${text}"`);
  }
  return value;
};

/** The command's options from its arguments; a mistake is a UsageError that names the argument at fault. */
export const parseReingestOptions = (
  args: readonly string[],
  now: Date,
  environment: NodeJS.ProcessEnv = process.env,
): ReingestOptions => {
  const { values } = parseArguments(args, options);
  const task = taskAddressOf(values.task);
  const since = requiredTime('since', values.since, now);
  const until = requiredTime('until', values.until, now);
  if (since >= until) throw new UsageError('--since must be before --until');
  return {
    task,
    window: { since, until },
    dryRun: values['dry-run'] === true,
    timeoutSeconds: timeoutOf(values.timeout),
    backends: targetBackendsOf(values, environment),
  };
};
