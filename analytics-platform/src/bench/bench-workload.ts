import type { ScanResult } from '@sec-an/contracts/scan-result';
import { probeResult } from '../ingest/test-fixtures.ts';

export interface Workload {
  readonly results: readonly ScanResult[];
  readonly documents: number;
}

const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

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
        port: 1000 + p + (p === 0 && i % 10 === 0 ? round : 0),
        service: (i + p + round) % 20 === 0 ? 'https' : 'http',
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
