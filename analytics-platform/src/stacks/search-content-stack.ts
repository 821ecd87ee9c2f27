import type { Construct } from '@sec-an/constructs/cdktf';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { platformTemplates } from '../index-templates/index.ts';
import type { SavedObject } from '../search-setup/index.ts';
import { SearchProvisioning } from '../search-setup/index.ts';
import { analyticsPlatformProject } from './analytics-platform-project.ts';

export interface SearchContentStackProps extends DeploymentSettings {
  /** The platform's dashboards, in import form. */
  readonly savedObjects: readonly SavedObject[];
}

/**
 * The platform's own index templates (document metadata, changes, scan subjects, dead letters) and dashboards,
 * provisioned the way every project provisions its own: through SearchProvisioning.
 */
export class SearchContentStack extends ServiceStack {
  readonly provisioning: SearchProvisioning;

  constructor(scope: Construct, id: string, props: SearchContentStackProps) {
    super(scope, id, { ...props, project: analyticsPlatformProject });
    this.provisioning = new SearchProvisioning(this, 'platform', {
      templates: platformTemplates,
      savedObjects: props.savedObjects,
    });
  }
}
