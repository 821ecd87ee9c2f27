import { type SavedObject, toImportObject } from '@sec-an/analytics-platform/dashboards';
import { SearchProvisioning } from '@sec-an/analytics-platform/search-setup';
import type { Construct } from '@sec-an/constructs/cdktf';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { taskExecutionTemplates } from '../document-types/index.ts';
import { taskExecutionProject } from './task-execution-project.ts';

export interface SearchContentStackProps extends DeploymentSettings {
  /** task-execution's dashboards, as the files hold them (for the stage's plan period). */
  readonly savedObjects: readonly SavedObject[];
}

/**
 * The templates of task-execution's document types (its synced tables) and its dashboards, provisioned into the
 * analytics store by analytics-platform's setup function. Deployed before anything writes the tables, so that the
 * first synced row finds its template.
 */
export class SearchContentStack extends ServiceStack {
  readonly provisioning: SearchProvisioning;

  constructor(scope: Construct, id: string, props: SearchContentStackProps) {
    super(scope, id, { ...props, project: taskExecutionProject });
    this.provisioning = new SearchProvisioning(this, 'task-execution', {
      templates: taskExecutionTemplates,
      savedObjects: props.savedObjects.map(toImportObject),
    });
  }
}
