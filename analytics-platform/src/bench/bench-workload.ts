import type { ScanResult } from '@sec-an/contracts/scan-result';
import { probeResult } from '../ingest/test-fixtures.ts';

export interface Workload {
  readonly results: readonly ScanResult[];
  readonly documents: number;
}

const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

/** Flips from one round to the next for one port in twenty, a different one each round. */
const serviceOf = (i: number, p: number, round: number): string =>
  Math.floor((i * 7 + p + round) / 20) % 2 === 0 ? 'http' : 'https';

/**
 * A scan of `subjects` addresses with `portsPerSubject` open ports each, at `endedAt`. From one round to the next,
 * one port in twenty changes service and one subject in ten opens a port and closes another: a rescan carries
 * the changes a day brings to an estate.
 */
export const scanWorkload = (
  subjects: number,
  portsPerSubject: number,
  endedAt: string,
  round: number,
): Workload => {
  const results = Array.from({ length: subjects }, (_, i) =>
    probeResult(
      addressOf(i),
      endedAt,
      Array.from({ length: portsPerSubject }, (_, p) => ({
        // Outside the other ports' range, so the port it moves to is never one the subject already has.
        port: p === 0 && i % 10 === 0 ? 2000 + round : 1000 + p,
        service: serviceOf(i, p, round),
        product: `product-${(p * 31 + i) % 13}`,
        banner: `service ${p} on ${addressOf(i)} answered in round ${round}`,
      })),
    ),
  );
  const documents = results.reduce(
    (count, result) => count + Object.values(result.documents).reduce((sum, list) => sum + list.length, 0),
    0,
  );
  return { results, documents };
};
