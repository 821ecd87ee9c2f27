import { describe, expect, it } from '@jest/globals';
import { keyMayBeInWindow } from './archive-objects.ts';
import { redriveReport } from './redrive-report.ts';
import { RedriveTally, skipReasons } from './redrive-result.ts';
import { type Candidate, type RedriveFilters, verdictOf } from './redrive-verdict.ts';

const arn = (name: string) => `arn:aws:sqs:eu-west-2:123456789012:${name}`;
const filters = (overrides: Partial<RedriveFilters> = {}): RedriveFilters => ({
  window: {},
  dryRun: false,
  again: false,
  ...overrides,
});
const candidate = (overrides: Partial<Candidate> = {}): Candidate => ({
  id: 'dead-letters/ingest-dlq/2026/11/21/m.json',
  sourceQueueArn: arn('ingest'),
  time: new Date('2026-11-21T10:00:00.000Z'),
  redrivenBefore: false,
  ...overrides,
});

describe('the verdict on a dead letter', () => {
  it('sends it to its source when it passes the source and time filters', () => {
    expect(verdictOf(candidate(), filters({ source: 'ingest' }))).toEqual({
      action: 'send',
      sourceQueueArn: arn('ingest'),
    });
    expect(verdictOf(candidate(), filters({ source: 'other' }))).toEqual({ action: 'ignore' });
    const window = {
      since: new Date('2026-11-21T10:00:00.000Z'),
      until: new Date('2026-11-21T11:00:00.000Z'),
    };
    expect(verdictOf(candidate(), filters({ window })).action).toBe('send');
    expect(verdictOf(candidate({ time: window.until }), filters({ window })).action).toBe('ignore');
  });

  it('skips one redriven before unless told again, and one without a source', () => {
    expect(verdictOf(candidate({ redrivenBefore: true }), filters())).toEqual({
      action: 'skip',
      reason: skipReasons.alreadyRedriven,
    });
    expect(verdictOf(candidate({ redrivenBefore: true }), filters({ again: true })).action).toBe('send');
    expect(verdictOf(candidate({ sourceQueueArn: null }), filters())).toEqual({
      action: 'skip',
      reason: skipReasons.noSourceQueue,
    });
    expect(verdictOf(candidate({ sourceQueueArn: null }), filters({ source: 'ingest' })).action).toBe(
      'ignore',
    );
  });
});

describe('archive keys and the time window', () => {
  const key = 'dead-letters/q-dlq/2026/11/21/m.json';

  it('are read only when their day can hold a letter of the window', () => {
    expect(keyMayBeInWindow(key, {})).toBe(true);
    expect(keyMayBeInWindow(key, { since: new Date('2026-11-21T23:59:00Z') })).toBe(true);
    expect(keyMayBeInWindow(key, { since: new Date('2026-11-22T00:00:00Z') })).toBe(false);
    expect(keyMayBeInWindow(key, { until: new Date('2026-11-21T00:00:01Z') })).toBe(true);
    expect(keyMayBeInWindow(key, { until: new Date('2026-11-21T00:00:00Z') })).toBe(false);
    expect(keyMayBeInWindow('dead-letters/notes.txt', { since: new Date('2030-01-01T00:00:00Z') })).toBe(
      true,
    );
  });
});

describe('the report of a run', () => {
  it('counts what it sent per source queue with the ids, and what it skipped and why', () => {
    const tally = new RedriveTally();
    tally.matched = 4;
    tally.addSent('ingest', { id: 'dead-letters/a.json', messageId: 'new-1' });
    tally.addSent('ingest', { id: 'dead-letters/b.json', messageId: 'new-2' });
    tally.addSent('scan', { id: 'dead-letters/c.json', messageId: 'new-3' });
    tally.addSkipped(skipReasons.alreadyRedriven, 'dead-letters/d.json');
    const window = { since: new Date('2026-11-21T00:00:00Z') };
    expect(redriveReport(tally.result('the archive', { source: 'ingest', window, dryRun: false }))).toEqual([
      'redrive from the archive (source ingest, from 2026-11-21T00:00:00.000Z)',
      'sent 2 letters to ingest:',
      '  dead-letters/a.json -> new-1',
      '  dead-letters/b.json -> new-2',
      'sent 1 letter to scan:',
      '  dead-letters/c.json -> new-3',
      'skipped 1 letter already redriven (--again sends them again):',
      '  dead-letters/d.json',
      'sent 3 of 4 matching dead letters',
    ]);
  });

  it('says a dry run sent nothing', () => {
    const tally = new RedriveTally();
    tally.matched = 1;
    tally.addSent('ingest', { id: 'm-1' });
    expect(
      redriveReport(tally.result('the dead-letter queue ingest-dlq', { window: {}, dryRun: true })),
    ).toEqual([
      'redrive from the dead-letter queue ingest-dlq: dry run, nothing is sent',
      'would send 1 letter to ingest:',
      '  m-1',
      'would send 1 of 1 matching dead letter',
    ]);
  });
});
