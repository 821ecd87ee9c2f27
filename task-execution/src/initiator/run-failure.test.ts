import { describe, expect, it } from '@jest/globals';
import { PermanentError, TransientError } from '@sec-an/runtime/errors';
import type { BucketOutcome } from './initiate-bucket.ts';
import type { RunReport } from './plan-and-initiate.ts';
import { runFailure } from './run-failure.ts';

const bucket = (name: string, outcome: Partial<BucketOutcome>): BucketOutcome => ({
  bucket: name,
  sent: 0,
  outOfScope: [],
  retryable: [],
  permanent: [],
  ...outcome,
});

const report = (...buckets: BucketOutcome[]): RunReport => ({
  initiations: [{ planId: 'p', buckets, initiatedThrough: 0 }],
});

describe('how a run ends', () => {
  it('succeeds when every due scan was queued or refused by the scope', () => {
    const refused = {
      scan: { bucket: 'p#00000', address: '192.0.2.1', plannedAt: 0, requestId: 'r', hosts: [] },
      reason: 'denied',
    };
    expect(runFailure(report(bucket('p#00000', { sent: 3, outOfScope: [refused] })))).toBeUndefined();
  });

  it('fails as transient, naming bucket and address, when scans stay planned for the next run', () => {
    const failure = runFailure(
      report(bucket('p#00001', { retryable: [{ address: '192.0.2.9', reason: 'Throttled: slow down' }] })),
    );
    expect(failure).toBeInstanceOf(TransientError);
    expect(failure?.message).toBe(
      '1 due scan(s) were not queued and stay planned for the next run: 192.0.2.9 in p#00001 (Throttled: slow down)',
    );
  });

  it('fails as permanent when a scan can never be sent, and counts the rest', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ address: `192.0.2.${i}`, reason: 'bad row' }));
    const failure = runFailure(
      report(bucket('p#00002', { permanent: many, retryable: [{ address: '192.0.2.99', reason: 'x' }] })),
    );
    expect(failure).toBeInstanceOf(PermanentError);
    expect(failure?.message).toMatch(
      /^12 due scan\(s\) cannot be sent and were passed by: 192\.0\.2\.0 in p#00002/,
    );
    expect(failure?.message).toMatch(/and 2 more; 1 more will be sent again by the next run$/);
  });
});
