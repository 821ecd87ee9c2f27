import type { Construct } from '@sec-an/constructs/cdktf';
import type { DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { analyticsPlatformDirectory, loadSavedObjects, toImportObject } from '../dashboards/index.ts';
import { platformTemplates } from '../index-templates/index.ts';
import { SearchContentStack } from '../search-setup/index.ts';
import { analyticsPlatformProject } from './analytics-platform-project.ts';
import type { AnalyticsPlatformSettings } from './analytics-platform-settings.ts';
import { DeadLetterReportStack } from './dead-letter-report-stack.ts';
import { IngestStack } from './ingest-stack.ts';
import { SearchAccessStack } from './search-access-stack.ts';
import { SearchDomainStack } from './search-domain-stack.ts';

export interface AnalyticsPlatformStacks {
  readonly searchDomain: SearchDomainStack;
  readonly ingest: IngestStack;
  readonly deadLetterReport: DeadLetterReportStack;
  readonly searchAccess: SearchAccessStack;
  readonly searchContent: SearchContentStack;
}

/**
 * Every stack of analytics-platform. Like shared-infra's, they share no Terraform references: each reads what an
 * earlier one publishes from SSM, and declares that it deploys after it. The search-access stack names the roles
 * of the functions that write the store, so it deploys after their stacks; the platform's templates and
 * dashboards are provisioned last, once the setup function is admitted.
 */
export const buildAnalyticsPlatform = (
  scope: Construct,
  deployment: DeploymentSettings,
  settings: AnalyticsPlatformSettings,
): AnalyticsPlatformStacks => {
  const searchDomain = new SearchDomainStack(scope, 'search-domain', {
    ...deployment,
    ...settings.searchDomain,
  });
  const ingest = new IngestStack(scope, 'ingest', deployment);
  const deadLetterReport = new DeadLetterReportStack(scope, 'dead-letter-report', deployment);
  const searchAccess = new SearchAccessStack(scope, 'search-access', {
    ...deployment,
    writers: [ingest.ingestFunction, deadLetterReport.reporter],
  });
  const searchContent = new SearchContentStack(scope, 'search-content', {
    ...deployment,
    project: analyticsPlatformProject,
    contentId: 'platform',
    templates: platformTemplates,
    savedObjects: loadSavedObjects(analyticsPlatformDirectory).map(toImportObject),
  });
  const after = (stack: ServiceStack, publishers: readonly ServiceStack[]): void => {
    for (const publisher of publishers) stack.addDependency(publisher);
  };
  after(ingest, [searchDomain]);
  after(deadLetterReport, [searchDomain]);
  after(searchAccess, [searchDomain, ingest, deadLetterReport]);
  after(searchContent, [searchDomain, searchAccess]);
  return { searchDomain, ingest, deadLetterReport, searchAccess, searchContent };
};
