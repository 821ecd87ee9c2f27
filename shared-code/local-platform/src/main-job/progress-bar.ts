import type { CycleObservation } from './cycle-observation.ts';

const barWidth = 30;

/** `[#########.....................]  3/10` */
export const progressBar = (done: number, total: number): string => {
  const filled = total === 0 ? 0 : Math.round((barWidth * Math.min(done, total)) / total);
  return `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${done}/${total}`;
};

/** One line of where the cycle is: the scans bar, then the counts behind it. */
export const progressLine = (seen: CycleObservation, elapsedMs: number): string =>
  `scans       ${progressBar(seen.scanned.length, seen.inScope.length)}  ` +
  `TLS judged ${seen.tlsJudged.length}/${seen.tlsEndpoints.length}, queued ${seen.queued}, in queues ${seen.inQueues}, dead letters ${seen.deadLetters}, ` +
  `${Math.round(elapsedMs / 1000)} s`;
