import { describe, expect, it } from '@jest/globals';
import { SetupError } from '../errors/index.ts';
import { parseRedriveOptions } from './redrive-options.ts';

const now = new Date('2026-11-21T12:00:00.000Z');
const parse = (args: readonly string[], environment: NodeJS.ProcessEnv = {}) =>
  parseRedriveOptions(args, now, environment);

describe('redrive options', () => {
  it('redrive the archive through the local platform unless told otherwise', () => {
    expect(parse([])).toEqual({
      origin: { kind: 'archive' },
      window: {},
      dryRun: false,
      again: false,
      backends: { kind: 'local' },
    });
  });

  it('read a dead-letter queue, a source, a window of absolute or relative times, and the flags', () => {
    expect(
      parse([
        '--dlq',
        'q-dlq',
        '--source',
        'q',
        '--since',
        '6h',
        '--until',
        '2026-11-21T11:30Z',
        '--dry-run',
      ]),
    ).toEqual({
      origin: { kind: 'queue', queueName: 'q-dlq' },
      source: 'q',
      window: { since: new Date('2026-11-21T06:00:00.000Z'), until: new Date('2026-11-21T11:30:00.000Z') },
      dryRun: true,
      again: false,
      backends: { kind: 'local' },
    });
    expect(parse(['--since', '2026-11-20', '--again']).window.since).toEqual(
      new Date('2026-11-20T00:00:00.000Z'),
    );
    expect(parse(['--since', '7d']).window.since).toEqual(new Date('2026-11-14T12:00:00.000Z'));
    expect(parse(['--since', '30m']).window.since).toEqual(new Date('2026-11-21T11:30:00.000Z'));
  });

  it('take the stage of AWS from --stage, else from SEC_AN_STAGE', () => {
    expect(parse(['--aws', '--stage', 'prod']).backends).toEqual({ kind: 'aws', stage: 'prod' });
    expect(parse(['--aws'], { SEC_AN_STAGE: 'dev' }).backends).toEqual({ kind: 'aws', stage: 'dev' });
  });

  it.each([
    [['--aws'], '--aws needs --stage'],
    [['--stage', 'dev'], '--stage goes with --aws'],
    [['--since', 'yesterday'], '--since "yesterday" is not a time'],
    [['--since', '2026-11-22', '--until', '2026-11-21'], '--since must be before --until'],
    [['--dlq', 'q-dlq', '--again'], '--again is for archived letters'],
    [['--source'], '--source needs a value'],
    [['--source', 'a', '--source', 'b'], '--source is given twice'],
    [['--sources', 'a'], 'unknown argument "--sources"'],
  ])('refuse %j, saying what to fix', (args, message) => {
    expect(() => parse(args)).toThrow(SetupError);
    expect(() => parse(args)).toThrow(message);
  });
});
