import { type SavedObject, toImportObject } from '@sec-an/analytics-platform/dashboards';
import { SearchContentStack } from '@sec-an/analytics-platform/search-setup';
import type { Construct } from '@sec-an/constructs/cdktf';
import type { DeploymentSettings } from '@sec-an/constructs/service-stack';
import { sslTemplates } from '../document-types/index.ts';
import { sslScannerProject } from './ssl-scanner-project.ts';
import type { SslScannerSettings } from './ssl-scanner-settings.ts';
import { TlsTaskStack } from './tls-task-stack.ts';

export interface SslScannerStacks {
  readonly searchContent: SearchContentStack;
  readonly task: TlsTaskStack;
}

/**
 * Every stack of ssl-scanner. The task deploys after the search content, so no result reaches the ingest before
 * its templates are in the store.
 */
export const buildSslScanner = (
  scope: Construct,
  deployment: DeploymentSettings,
  settings: SslScannerSettings,
  savedObjects: readonly SavedObject[],
): SslScannerStacks => {
  const searchContent = new SearchContentStack(scope, 'search-content', {
    ...deployment,
    project: sslScannerProject,
    contentId: 'ssl-scanner',
    templates: sslTemplates,
    savedObjects: savedObjects.map(toImportObject),
  });
  const task = new TlsTaskStack(scope, 'task', {
    ...deployment,
    tableDeletionProtection: settings.tableDeletionProtection,
    trustAnchors: settings.trustAnchors,
  });
  task.addDependency(searchContent);
  return { searchContent, task };
};
