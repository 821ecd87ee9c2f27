import type { Client } from '@opensearch-project/opensearch';
import { pathSegment, searchCall } from './search-call.ts';
import { roleMappingsFor, writerRole, writerRoleDefinition } from './security-roles.ts';
import type { SearchAccess } from './setup-request.ts';

export type RoleMappingsReport =
  | { readonly status: 'mapped'; readonly roles: Readonly<Record<string, readonly string[]>> }
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'none' };

interface RoleMapping {
  readonly backend_roles?: readonly string[];
  readonly hosts?: readonly string[];
  readonly users?: readonly string[];
}

const securityApi = '/_plugins/_security/api';

const currentMapping = async (client: Client, role: string): Promise<RoleMapping> => {
  const { statusCode, body } = await searchCall<Record<string, RoleMapping>>(client, {
    method: 'GET',
    path: `${securityApi}/rolesmapping/${pathSegment(role)}`,
    ignore: [404],
  });
  return statusCode === 404 ? {} : (body[role] ?? {});
};

/**
 * Adds the backend roles to the role's mapping and keeps what is there: the built-in roles may be mapped by
 * others (the master user, an administrator), and a role removed from sec-an simply no longer exists in IAM.
 */
const addToMapping = async (client: Client, role: string, backendRoles: readonly string[]): Promise<void> => {
  const current = await currentMapping(client, role);
  await searchCall(client, {
    method: 'PUT',
    path: `${securityApi}/rolesmapping/${pathSegment(role)}`,
    body: {
      backend_roles: [...new Set([...(current.backend_roles ?? []), ...backendRoles])],
      hosts: [...(current.hosts ?? [])],
      users: [...(current.users ?? [])],
    },
  });
};

/**
 * Defines sec-an's writer role and maps the IAM roles to their security plugin roles, so that fine-grained
 * access control lets them do what the domain access policy already admits them for. `securityPlugin` is false
 * where the engine has none (the local node): then nothing is mapped and the report says why.
 */
export const mapRoles = async (
  client: Client,
  access: SearchAccess | undefined,
  securityPlugin: boolean,
): Promise<RoleMappingsReport> => {
  if (access === undefined) return { status: 'none' };
  if (!securityPlugin) {
    return { status: 'skipped', reason: 'the engine has no security plugin (SEC_AN_OPENSEARCH_AUTH=none)' };
  }
  await searchCall(client, {
    method: 'PUT',
    path: `${securityApi}/roles/${writerRole}`,
    body: writerRoleDefinition,
  });
  const mappings = Object.fromEntries(
    Object.entries(roleMappingsFor(access)).filter(([, backendRoles]) => backendRoles.length > 0),
  );
  for (const [role, backendRoles] of Object.entries(mappings)) await addToMapping(client, role, backendRoles);
  return { status: 'mapped', roles: mappings };
};
