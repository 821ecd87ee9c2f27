import type { IConstruct } from '@sec-an/constructs/cdktf';
import type { Grantee } from '@sec-an/constructs/iam';
import { grantReadParameter } from '@sec-an/constructs/parameters';
import { searchEndpointParameter } from '@sec-an/runtime/opensearch';

/** The HTTP methods of the OpenSearch REST API a writer uses: reads, bulk writes, deletes by query. */
export const searchHttpActions = [
  'es:ESHttpGet',
  'es:ESHttpHead',
  'es:ESHttpPost',
  'es:ESHttpPut',
  'es:ESHttpDelete',
] as const;

/**
 * Lets a function call the domain's REST API (the domain access policy and fine-grained access control decide
 * the rest) and find its endpoint at call time.
 */
export const grantSearchAccess = (scope: IConstruct, grantee: Grantee, domainArn: string): void => {
  grantee.addToPolicy({ actions: [...searchHttpActions], resources: [`${domainArn}/*`] });
  grantReadParameter(scope, grantee, searchEndpointParameter);
};
