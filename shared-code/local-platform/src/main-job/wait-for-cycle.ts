import { setTimeout as sleep } from 'node:timers/promises';
import type { Deployment } from '../deployment/index.ts';
import { type CycleObservation, cycleComplete, observeCycle } from './cycle-observation.ts';
import { MainJobError } from './platform-functions.ts';
import { progressLine } from './progress-bar.ts';
import type { SearchClient as Client } from './search-reads.ts';

export interface CycleWait {
  readonly client: Client;
  readonly deployment: Deployment;
  /** Scans started before this moment (epoch ms) belong to an earlier cycle. */
  readonly since: number;
  readonly timeoutMs: number;
  /** Each new state of the cycle, as a progress line. */
  readonly onProgress: (line: string) => void;
  readonly pollMs?: number;
}

const pending = (seen: CycleObservation): string => {
  const missing = seen.inScope.filter((address) => !seen.scanned.includes(address));
  const unjudged = seen.tlsEndpoints.filter((endpoint) => !seen.tlsJudged.includes(endpoint));
  return [
    seen.inScope.length === 0 ? 'no address is in scope yet' : '',
    missing.length === 0 ? '' : `no result yet for ${missing.join(', ')}`,
    unjudged.length === 0 ? '' : `no TLS scan yet (without SNI and per name) of ${unjudged.join(', ')}`,
    seen.inQueues === 0 ? '' : `${seen.inQueues} message(s) still in queues`,
  ]
    .filter((part) => part !== '')
    .join('; ');
};

/** Prints a state only when it differs from the last one printed (the elapsed time aside). */
const changedLines = (onProgress: (line: string) => void) => {
  let last = '';
  const withoutTime = (line: string) => line.replace(/, \d+ s$/, '');
  return (line: string): void => {
    if (withoutTime(line) !== withoutTime(last)) onProgress(line);
    last = line;
  };
};

const timedOut = (wait: CycleWait, last: CycleObservation | undefined): MainJobError =>
  new MainJobError(
    `the scan cycle did not complete within ${Math.round(wait.timeoutMs / 1000)} s: ` +
      (last === undefined ? 'nothing could be observed' : pending(last)),
  );

/**
 * Watches one cycle of the platform: the planned scans of every in-scope address sent, run, parsed and ingested,
 * and the queues drained behind them. A state that does not change for long is not an error by itself (a bucket
 * may hold no scan); only the overall timeout is, naming what is still missing.
 */
export const waitForCycle = async (wait: CycleWait): Promise<CycleObservation> => {
  const began = Date.now();
  const report = changedLines(wait.onProgress);
  let last: CycleObservation | undefined;
  for (;;) {
    try {
      last = await observeCycle(wait.client, wait.deployment, wait.since);
      report(progressLine(last, Date.now() - began));
      if (cycleComplete(last)) return last;
    } catch (error) {
      // An index still being created after a restart is read again next time.
      if (Date.now() - began > wait.timeoutMs) throw error;
    }
    if (Date.now() - began > wait.timeoutMs) throw timedOut(wait, last);
    await sleep(wait.pollMs ?? 2_000);
  }
};
