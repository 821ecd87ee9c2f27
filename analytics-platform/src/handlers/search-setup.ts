import { runSearchSetup, type SearchSetupReport } from '../search-setup/search-setup.ts';
import { parseSearchSetupRequest } from '../search-setup/setup-request.ts';
import { searchSetupTargets } from '../search-setup/setup-targets.ts';

/**
 * Invoked by the deploy (Terraform's `aws_lambda_invocation`) with templates, saved objects and role mappings to
 * provision. Its report is the invocation's result; any failure fails the invocation, and so the deploy.
 */
export const handler = async (event: unknown): Promise<SearchSetupReport> =>
  runSearchSetup(parseSearchSetupRequest(event), await searchSetupTargets());
