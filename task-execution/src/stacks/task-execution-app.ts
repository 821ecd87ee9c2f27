import { toImportObject } from '@sec-an/analytics-platform/dashboards';
import { SearchContentStack } from '@sec-an/analytics-platform/search-setup';
import type { Construct } from '@sec-an/constructs/cdktf';
import type { DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { taskExecutionSavedObjects, taskExecutionTemplates } from '../document-types/index.ts';
import { ClusterStack } from './cluster-stack.ts';
import { DnsIngestStack } from './dns-ingest-stack.ts';
import { PlanAndInitiateStack } from './plan-and-initiate-stack.ts';
import { ScanRequestsStack } from './scan-requests-stack.ts';
import { ScanSettingsStack } from './scan-settings-stack.ts';
import { TablesStack } from './tables-stack.ts';
import { taskExecutionProject } from './task-execution-project.ts';
import type { TaskExecutionSettings } from './task-execution-settings.ts';

export interface TaskExecutionStacks {
  readonly cluster: ClusterStack;
  readonly tables: TablesStack;
  readonly searchContent: SearchContentStack;
  readonly scanSettings: ScanSettingsStack;
  readonly scanRequests: ScanRequestsStack;
  readonly dnsIngest: DnsIngestStack;
  readonly planAndInitiate: PlanAndInitiateStack;
}

/**
 * Every stack of task-execution. They share no Terraform references: each reads what an earlier one publishes
 * from SSM and declares that it deploys after it. Nothing writes the tables before their templates and dashboards
 * are in the analytics store (the functions deploy after search-content), nor runs before the settings it reads.
 */
export const buildTaskExecution = (
  scope: Construct,
  deployment: DeploymentSettings,
  settings: TaskExecutionSettings,
): TaskExecutionStacks => {
  const cluster = new ClusterStack(scope, 'cluster', {
    ...deployment,
    taskSubnetTier: settings.taskSubnetTier,
  });
  const tables = new TablesStack(scope, 'tables', {
    ...deployment,
    deletionProtection: settings.tableDeletionProtection,
  });
  const searchContent = new SearchContentStack(scope, 'search-content', {
    ...deployment,
    project: taskExecutionProject,
    contentId: 'task-execution',
    templates: taskExecutionTemplates,
    savedObjects: taskExecutionSavedObjects(settings.plan.periodSeconds).map(toImportObject),
  });
  const scanSettings = new ScanSettingsStack(scope, 'scan-settings', {
    ...deployment,
    scanScope: settings.scanScope,
    plan: settings.plan,
    dnsReaderRoleArns: settings.dnsReaderRoleArns,
  });
  const scanRequests = new ScanRequestsStack(scope, 'scan-requests', deployment);
  const dnsIngest = new DnsIngestStack(scope, 'dns-ingest', {
    ...deployment,
    ...(settings.dnsIngestTime === undefined ? {} : { ingestTime: settings.dnsIngestTime }),
    readerRoleArns: settings.dnsReaderRoleArns,
  });
  const planAndInitiate = new PlanAndInitiateStack(scope, 'plan-and-initiate', {
    ...deployment,
    plan: settings.plan,
  });
  const after = (stack: ServiceStack, publishers: readonly ServiceStack[]): void => {
    for (const publisher of publishers) stack.addDependency(publisher);
  };
  after(searchContent, [tables]);
  after(dnsIngest, [tables, searchContent, scanSettings]);
  after(planAndInitiate, [tables, searchContent, scanSettings, scanRequests, dnsIngest]);
  return { cluster, tables, searchContent, scanSettings, scanRequests, dnsIngest, planAndInitiate };
};
