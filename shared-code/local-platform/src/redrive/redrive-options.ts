import { SetupError } from '../errors/index.ts';
import { parseTime, type TimeWindow } from './time-window.ts';

/** Where the dead letters come from: the dead-letter bucket's archive, or a dead-letter queue's current messages. */
export type RedriveOrigin =
  | { readonly kind: 'archive' }
  | { readonly kind: 'queue'; readonly queueName: string };

/** Which backends the command talks to: the running local platform, or whatever the AWS SDK is configured for. */
export type RedriveBackends = { readonly kind: 'local' } | { readonly kind: 'aws'; readonly stage: string };

export interface RedriveOptions {
  readonly origin: RedriveOrigin;
  /** Only dead letters of this source queue (its name). */
  readonly source?: string;
  readonly window: TimeWindow;
  readonly dryRun: boolean;
  /** Redrive archived letters that were redriven before. */
  readonly again: boolean;
  readonly backends: RedriveBackends;
}

export const redriveUsage = `usage: ./sec-an redrive [options]

Sends dead letters back to the queue they failed in, with their original body and attributes, and reports what
it sent per source queue. By default it redrives the letters archived in the dead-letter bucket (found through
SSM), and marks each one it sends (redriven/<archive key>), so that a second run skips it.

  --dlq <queue name>    redrive the current messages of this dead-letter queue instead of the archive
  --source <queue name> only dead letters that failed in this queue
  --since <time>        only dead letters archived (or, with --dlq, sent) at or after this time
  --until <time>        only dead letters archived (or sent) before this time
                        times: 2026-11-21, 2026-11-21T10:00Z, or a span ago: 30m, 6h, 7d
  --dry-run             report what would be sent; send and mark nothing
  --again               also redrive archived letters that were redriven before
  --aws                 talk to AWS as the AWS SDK is configured (credentials, region, AWS_ENDPOINT_URL),
                        not to the local platform
  --stage <stage>       the stage whose dead letters to redrive, with --aws (default: SEC_AN_STAGE)
  --help                this text`;

const valueOptions = new Set(['--dlq', '--source', '--since', '--until', '--stage']);
const flagOptions = new Set(['--dry-run', '--again', '--aws']);

const usageError = (cause: string): SetupError => new SetupError(cause, 'see ./sec-an redrive --help');

const readArguments = (args: readonly string[]) => {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (flagOptions.has(arg)) {
      flags.add(arg);
    } else if (valueOptions.has(arg)) {
      const value = args[index + 1];
      if (value === undefined || value.startsWith('--')) throw usageError(`${arg} needs a value`);
      if (values.has(arg)) throw usageError(`${arg} is given twice`);
      values.set(arg, value);
      index += 1;
    } else {
      throw usageError(`unknown argument "${arg}"`);
    }
  }
  return { values, flags };
};

const backendsOf = (
  values: ReadonlyMap<string, string>,
  flags: ReadonlySet<string>,
  environment: NodeJS.ProcessEnv,
): RedriveBackends => {
  if (!flags.has('--aws')) {
    if (values.has('--stage')) throw usageError('--stage goes with --aws; the local platform has one stage');
    return { kind: 'local' };
  }
  const stage = values.get('--stage') ?? environment.SEC_AN_STAGE;
  if (stage === undefined || stage === '') throw usageError('--aws needs --stage (or SEC_AN_STAGE)');
  return { kind: 'aws', stage };
};

/** The command's options from its arguments; a mistake is a SetupError that says what to fix. */
export const parseRedriveOptions = (
  args: readonly string[],
  now: Date,
  environment: NodeJS.ProcessEnv = process.env,
): RedriveOptions => {
  const { values, flags } = readArguments(args);
  const queueName = values.get('--dlq');
  const source = values.get('--source');
  const since = values.get('--since');
  const until = values.get('--until');
  const window: TimeWindow = {
    ...(since === undefined ? {} : { since: parseTime('--since', since, now) }),
    ...(until === undefined ? {} : { until: parseTime('--until', until, now) }),
  };
  if (window.since !== undefined && window.until !== undefined && window.since >= window.until) {
    throw usageError('--since must be before --until');
  }
  if (queueName !== undefined && flags.has('--again')) {
    throw usageError('--again is for archived letters; a dead-letter queue loses what it redrives');
  }
  return {
    origin: queueName === undefined ? { kind: 'archive' } : { kind: 'queue', queueName },
    ...(source === undefined ? {} : { source }),
    window,
    dryRun: flags.has('--dry-run'),
    again: flags.has('--again'),
    backends: backendsOf(values, flags, environment),
  };
};
