import { type SavedObject, toImportObject } from '@sec-an/analytics-platform/dashboards';
import { SearchContentStack } from '@sec-an/analytics-platform/search-setup';
import type { Construct } from '@sec-an/constructs/cdktf';
import type { DeploymentSettings } from '@sec-an/constructs/service-stack';
import { nmapTemplates } from '../document-types/index.ts';
import { nmapScannerProject } from './nmap-scanner-project.ts';
import type { NmapScannerSettings } from './nmap-scanner-settings.ts';
import { NmapTaskStack } from './nmap-task-stack.ts';

export interface NmapScannerStacks {
  readonly searchContent: SearchContentStack;
  readonly task: NmapTaskStack;
}

/**
 * Every stack of nmap-scanner. The task deploys after the search content, so no result reaches the ingest before
 * its templates are in the store.
 */
export const buildNmapScanner = (
  scope: Construct,
  deployment: DeploymentSettings,
  settings: NmapScannerSettings,
  savedObjects: readonly SavedObject[],
): NmapScannerStacks => {
  const searchContent = new SearchContentStack(scope, 'search-content', {
    ...deployment,
    project: nmapScannerProject,
    contentId: 'nmap-scanner',
    templates: nmapTemplates,
    savedObjects: savedObjects.map(toImportObject),
  });
  const task = new NmapTaskStack(scope, 'task', { ...deployment, settings });
  task.addDependency(searchContent);
  return { searchContent, task };
};
