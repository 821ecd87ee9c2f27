import {
  changeIndex,
  deadLetterIndex,
  historyIndex,
  snapshotIndex,
  subjectIndex,
} from '@sec-an/contracts/search-index';
import type { SearchAccess } from './setup-request.ts';

/** The security plugin role of sec-an's writing functions. */
export const writerRole = 'sec_an_writer';

/**
 * What a writer does (the ingest, the dead-letter reporter, the DynamoDB sync): bulk writes and reads by id,
 * searches and deletes by query on the analytics indices, which it creates on first write from their templates,
 * and reads of templates and mappings (document types' `_meta`). Nothing on other indices, nothing on security.
 */
export const writerRoleDefinition = {
  description: 'sec-an functions that write the analytics indices',
  cluster_permissions: ['cluster_composite_ops', 'cluster_monitor', 'indices:admin/index_template/get'],
  index_permissions: [
    {
      index_patterns: [
        snapshotIndex('*', '*'),
        historyIndex('*', '*'),
        changeIndex,
        subjectIndex,
        deadLetterIndex,
      ],
      allowed_actions: [
        'crud',
        'create_index',
        // Creating an index by writing to it, which the bulk API does on a type's first result.
        'indices:admin/auto_create',
        'indices_monitor',
        'indices:admin/mappings/get',
      ],
    },
  ],
} as const;

/** Which security plugin roles each kind of IAM role is mapped to (the built-in ones are the plugin's own). */
export const roleMappingsFor = (access: SearchAccess): Readonly<Record<string, readonly string[]>> => ({
  [writerRole]: access.writerRoleArns,
  // Signed-in users read every index and keep their visualisations and dashboards in Dashboards.
  readall: access.dashboardsUserRoleArns,
  opensearch_dashboards_user: access.dashboardsUserRoleArns,
});
