import { mapConcurrently } from '@sec-an/runtime/concurrency';
import type { Endpoint } from '../handshake/index.ts';
import { type EndpointScan, type EndpointScanOptions, scanEndpoint } from '../probe/index.ts';
import type { ScanSettings } from './scan-settings.ts';

export type ScanFunction = (endpoint: Endpoint, options: EndpointScanOptions) => Promise<EndpointScan>;

export interface ObserveOptions {
  readonly settings: ScanSettings;
  /** Epoch ms by which every scan of the endpoint has ended; a scan that would start later gets no connection. */
  readonly deadline: number;
  readonly now?: () => number;
  readonly scan?: ScanFunction;
}

/**
 * Scans the endpoint without SNI, then with each name, a few scans at a time. Each scan's budget is its own
 * budget or what is left before the deadline, whichever is less, so a tarpit or a slow server spends its budget,
 * not the function's; a scan whose turn comes after the deadline ends as `budget-spent` without connecting.
 */
export const observeEndpoint = (
  endpoint: Endpoint,
  names: readonly string[],
  options: ObserveOptions,
): Promise<EndpointScan[]> => {
  const { settings, deadline } = options;
  const now = options.now ?? Date.now;
  const scan = options.scan ?? scanEndpoint;
  const scanWith = (serverName: string | undefined) =>
    scan(endpoint, {
      totalBudgetMs: Math.max(0, Math.min(settings.scanBudgetMs, deadline - now())),
      connectionTimeoutMs: settings.connectionTimeoutMs,
      concurrency: settings.connectionsPerScan,
      ...(serverName === undefined ? {} : { serverName }),
    });
  return mapConcurrently([undefined, ...names], settings.scansAtOnce, scanWith);
};
