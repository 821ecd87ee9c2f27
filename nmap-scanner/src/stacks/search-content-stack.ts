import { type SavedObject, toImportObject } from '@sec-an/analytics-platform/dashboards';
import { SearchProvisioning } from '@sec-an/analytics-platform/search-setup';
import type { Construct } from '@sec-an/constructs/cdktf';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { nmapTemplates } from '../document-types/index.ts';
import { nmapScannerProject } from './nmap-scanner-project.ts';

export interface SearchContentStackProps extends DeploymentSettings {
  /** nmap-scanner's dashboards, as the files hold them. */
  readonly savedObjects: readonly SavedObject[];
}

/**
 * The templates of the nmap parser's document types and nmap-scanner's dashboards, provisioned into the analytics
 * store by analytics-platform's setup function. Deployed before the task, so that the first result finds its
 * templates (every one is `dynamic: strict`).
 */
export class SearchContentStack extends ServiceStack {
  readonly provisioning: SearchProvisioning;

  constructor(scope: Construct, id: string, props: SearchContentStackProps) {
    super(scope, id, { ...props, project: nmapScannerProject });
    this.provisioning = new SearchProvisioning(this, 'nmap-scanner', {
      templates: nmapTemplates,
      savedObjects: props.savedObjects.map(toImportObject),
    });
  }
}
