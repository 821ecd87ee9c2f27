/** How hard one endpoint is scanned; recorded in each raw object with what it produced. */
export interface ScanSettings {
  /** Names scanned per endpoint, besides the scan without SNI. */
  readonly maxNames: number;
  /** Time one scan (one endpoint, one name) may take, connections included. */
  readonly scanBudgetMs: number;
  /** Time one connection may take. */
  readonly connectionTimeoutMs: number;
  /** Connections one scan keeps open at once. */
  readonly connectionsPerScan: number;
  /** Scans of one endpoint that run at once: at most `scansAtOnce * connectionsPerScan` connections to it. */
  readonly scansAtOnce: number;
}

/**
 * A tarpit costs one connection timeout per connection the budget allows, and a scan at most its budget; with 17
 * scans two at a time the worst endpoint takes about nine budgets, and the deadline the handler sets from the
 * function's remaining time cuts the rest short.
 */
export const defaultScanSettings: ScanSettings = {
  maxNames: 16,
  scanBudgetMs: 60_000,
  connectionTimeoutMs: 5_000,
  connectionsPerScan: 3,
  scansAtOnce: 2,
};
