import { describe, expect, it } from '@jest/globals';
import { UsageError } from '../cli/usage-error.ts';
import { defaultTimeoutSeconds, parseReingestOptions } from './reingest-options.ts';

const now = new Date('2026-11-21T12:00:00.000Z');
const parse = (args: readonly string[], environment: NodeJS.ProcessEnv = {}) =>
  parseReingestOptions(args, now, environment);
const required = ['--task', 'nmap-scanner/nmap-scanner', '--since', '2026-11-20', '--until', '2026-11-21'];

const refusal = (args: readonly string[], environment: NodeJS.ProcessEnv = {}): string => {
  try {
    parse(args, environment);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`${args.join(' ')} was accepted`);
};

describe('reingest options', () => {
  it('read the task, a day, and replay through the local platform by default', () => {
    expect(parse(required)).toEqual({
      task: { project: 'nmap-scanner', task: 'nmap-scanner' },
      window: { since: new Date('2026-11-20T00:00:00.000Z'), until: new Date('2026-11-21T00:00:00.000Z') },
      dryRun: false,
      timeoutSeconds: defaultTimeoutSeconds,
      backends: { kind: 'local' },
    });
  });

  it('read relative times, the dry run, a timeout and AWS with a stage', () => {
    expect(
      parse([
        '--task',
        'ssl-scanner/tls',
        '--since',
        '6h',
        '--until',
        '30m',
        '--dry-run',
        '--timeout',
        '90',
        '--aws',
        '--stage',
        'prod',
      ]),
    ).toEqual({
      task: { project: 'ssl-scanner', task: 'tls' },
      window: { since: new Date('2026-11-21T06:00:00.000Z'), until: new Date('2026-11-21T11:30:00.000Z') },
      dryRun: true,
      timeoutSeconds: 90,
      backends: { kind: 'aws', stage: 'prod' },
    });
  });

  it('refuse an unknown option, a missing value and an extra positional', () => {
    expect(refusal([...required, '--parser', 'x'])).toBe('unknown option --parser');
    expect(refusal([...required, '--timeout'])).toBe('--timeout needs a value');
    expect(refusal([...required, 'today'])).toBe('unexpected argument "today"');
  });

  it('refuse what is missing, with what it is for', () => {
    expect(refusal(required.slice(2))).toBe('--task is required: which task to re-ingest, <project>/<task>');
    expect(refusal(required.slice(0, 4))).toBe('--until is required: re-ingestion replays a time range');
  });

  it('refuse bad values, naming them', () => {
    expect(refusal(['--task', 'nmap-scanner', ...required.slice(2)])).toBe(
      '--task "nmap-scanner" is not <project>/<task>: two names of lower-case letters, digits and dashes',
    );
    expect(refusal(['--task', 'a/b/c', ...required.slice(2)])).toContain('is not <project>/<task>');
    expect(refusal([...required.slice(0, 3), 'yesterday', ...required.slice(4)])).toBe(
      '--since "yesterday" is not a time; give an ISO 8601 date or time (2026-11-21, 2026-11-21T10:00Z) or a span ago (30m, 6h, 7d)',
    );
    expect(refusal([...required, '--timeout', '0'])).toBe(
      '--timeout needs a whole number of seconds of at least 1, not "0"',
    );
    expect(refusal(['--task', 'a-b/c-d', '--since', '2026-11-21', '--until', '2026-11-20'])).toBe(
      '--since must be before --until',
    );
  });

  it('refuse a stage without --aws, and --aws without a stage', () => {
    expect(refusal([...required, '--stage', 'prod'])).toBe(
      '--stage goes with --aws; the local platform has one stage',
    );
    expect(refusal([...required, '--aws'])).toBe('--aws needs --stage (or SEC_AN_STAGE)');
    expect(parse([...required, '--aws'], { SEC_AN_STAGE: 'dev' }).backends).toEqual({
      kind: 'aws',
      stage: 'dev',
    });
  });
});
