import { installMoto, motoVersion } from '../moto/index.ts';
import { installOpenSearch, openSearchVersion } from '../opensearch/index.ts';
import { ensureSystemPackages } from '../system-packages/index.ts';

export interface SetupReport {
  readonly installedPackages: readonly string[];
  readonly moto: string;
  readonly openSearch: string;
  readonly tookMs: number;
}

/**
 * Installs what the local platform runs on: Debian packages first (Java and Maven among them), then moto and
 * OpenSearch side by side. Each step is skipped when its result is already in the cache.
 */
export const setupLocalPlatform = async (): Promise<SetupReport> => {
  const began = performance.now();
  const installedPackages = await ensureSystemPackages();
  const [, openSearchHome] = await Promise.all([installMoto(), installOpenSearch()]);
  return {
    installedPackages,
    moto: `moto[server] ${motoVersion}`,
    openSearch: `OpenSearch ${openSearchVersion} (${openSearchHome})`,
    tookMs: Math.round(performance.now() - began),
  };
};
