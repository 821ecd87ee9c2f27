import type { Construct } from '@sec-an/constructs/cdktf';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { SearchProvisioning, type SearchProvisioningProps } from './search-provisioning.ts';

export interface SearchContentStackProps extends DeploymentSettings, SearchProvisioningProps {
  /** The project that deploys the stack; its templates and dashboards are provisioned under it. */
  readonly project: string;
  /** The provisioning construct's id, which names its deploy-time invocation. */
  readonly contentId: string;
}

/**
 * A project's index templates and dashboards, provisioned into the analytics store by analytics-platform's setup
 * function. Each project deploys it before anything that writes documents of its types, so that the first
 * document finds its template (every one is `dynamic: strict`).
 */
export class SearchContentStack extends ServiceStack {
  readonly provisioning: SearchProvisioning;

  constructor(scope: Construct, id: string, props: SearchContentStackProps) {
    super(scope, id, props);
    this.provisioning = new SearchProvisioning(this, props.contentId, {
      templates: props.templates,
      ...(props.savedObjects === undefined ? {} : { savedObjects: props.savedObjects }),
    });
  }
}
