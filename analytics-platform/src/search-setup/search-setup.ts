import type { Client } from '@opensearch-project/opensearch';
import { applyTemplates, type TemplatesReport } from './apply-templates.ts';
import { importSavedObjects, type SavedObjectsReport } from './import-saved-objects.ts';
import { mapRoles, type RoleMappingsReport } from './map-roles.ts';
import type { SearchSetupRequest } from './setup-request.ts';

/** Where the setup applies a request, as the configuration of the function says. */
export interface SearchSetupTargets {
  readonly search: Client;
  /** Absent where there is no Dashboards (the local platform). */
  readonly dashboards?: Client;
  /** False where the engine runs without the security plugin (the local platform). */
  readonly securityPlugin: boolean;
}

/** What was done, and what was skipped and why: the invocation's result, which Terraform keeps. */
export interface SearchSetupReport {
  readonly roleMappings: RoleMappingsReport;
  readonly templates: TemplatesReport;
  readonly savedObjects: SavedObjectsReport;
}

/**
 * Applies one request: role mappings first (so that writers can write once their templates exist), then
 * templates and the existing indices they match, then the saved objects that use them.
 */
export const runSearchSetup = async (
  request: SearchSetupRequest,
  targets: SearchSetupTargets,
): Promise<SearchSetupReport> => {
  const roleMappings = await mapRoles(targets.search, request.access, targets.securityPlugin);
  const templates = await applyTemplates(targets.search, request.templates);
  const savedObjects = await importSavedObjects(targets.dashboards, request.savedObjects ?? []);
  return { roleMappings, templates, savedObjects };
};
