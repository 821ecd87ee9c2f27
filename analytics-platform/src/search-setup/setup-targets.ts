import { openSearchClient, searchStore } from '@sec-an/runtime/opensearch';
import type { SearchSetupTargets } from './search-setup.ts';

/**
 * The domain's Dashboards endpoint without its scheme (Terraform's `dashboard_endpoint`), set by the stack that
 * creates the function. Empty where there is no Dashboards: the local platform records its node as a domain
 * without one.
 */
export const dashboardsEndpointVariable = 'SEC_AN_DASHBOARDS_ENDPOINT';

type Environment = Readonly<Record<string, string | undefined>>;

/** The targets the function's configuration names; nothing here depends on where it runs. */
export const searchSetupTargets = async (
  environment: Environment = process.env,
): Promise<SearchSetupTargets> => {
  const dashboards = environment[dashboardsEndpointVariable]?.trim() ?? '';
  return {
    search: await searchStore(),
    ...(dashboards === '' ? {} : { dashboards: openSearchClient({ endpoint: `https://${dashboards}` }) }),
    securityPlugin: (environment.SEC_AN_OPENSEARCH_AUTH ?? 'sigv4') !== 'none',
  };
};
