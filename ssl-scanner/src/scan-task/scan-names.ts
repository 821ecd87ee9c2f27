/** Why a name of the endpoint got no scan of its own. */
export type NameOmission = 'wildcard' | 'over-limit';

export interface ScanNames {
  /** Names presented in SNI, one scan each (the scan without SNI comes besides them). */
  readonly scanned: readonly string[];
  readonly omitted: readonly { readonly name: string; readonly reason: NameOmission }[];
  /** The most names one endpoint is scanned with. */
  readonly limit: number;
}

/** DNS names are case-insensitive and may be written with the root's dot; SNI carries neither. */
const normalised = (name: string): string => name.toLowerCase().replace(/\.$/, '');

/**
 * The names to scan an endpoint with: each once, in a stable order, wildcards left out (no client sends one in
 * SNI), and at most `limit`, the rest recorded as omitted so a capped endpoint is visible in the results.
 */
export const scanNames = (hosts: readonly string[], limit: number): ScanNames => {
  const unique = [...new Set(hosts.map(normalised))].sort();
  const wildcards = unique.filter((name) => name.startsWith('*.'));
  const sendable = unique.filter((name) => !name.startsWith('*.'));
  return {
    scanned: sendable.slice(0, limit),
    omitted: [
      ...wildcards.map((name) => ({ name, reason: 'wildcard' as const })),
      ...sendable.slice(limit).map((name) => ({ name, reason: 'over-limit' as const })),
    ],
    limit,
  };
};
