import { OpensearchDomainPolicy } from '@cdktf/provider-aws/lib/opensearch-domain-policy/index.js';
import type { Construct } from '@sec-an/constructs/cdktf';
import { referenceParameter } from '@sec-an/constructs/parameters';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { invokeSearchSetup, searchSetupFunctionParameter } from '../search-setup/search-provisioning.ts';
import { analyticsPlatformProject } from './analytics-platform-project.ts';
import { functionRoleArn } from './search-domain/function-role.ts';
import { searchHttpActions } from './search-domain/search-access-grants.ts';
import { searchDomainName } from './search-domain/search-domain-name.ts';
import { searchSetupFunctionName } from './search-domain-stack.ts';

/** A function of this project that writes the analytics indices, by its NodeFunction name. */
export interface SearchWriter {
  readonly name: string;
}

export interface SearchAccessStackProps extends DeploymentSettings {
  readonly writers: readonly SearchWriter[];
}

/**
 * Who may reach the search domain, in its two layers: the domain access policy admits only the setup function
 * (the master user), this project's writers and shared-infra's role of signed-in Dashboards users, all by role
 * ARN; the setup function then maps the same roles in fine-grained access control. Deployed after every stack
 * whose role it names: OpenSearch Service refuses a policy that names a role that does not exist.
 */
export class SearchAccessStack extends ServiceStack {
  readonly policy: OpensearchDomainPolicy;

  constructor(scope: Construct, id: string, props: SearchAccessStackProps) {
    super(scope, id, { ...props, project: analyticsPlatformProject });
    const names = props.writers.map(({ name }) => name);
    if (names.length === 0) throw new Error(`stack ${id}: no writer is admitted to the search domain`);
    if (new Set(names).size !== names.length)
      throw new Error(`stack ${id}: a writer is named twice: ${names}`);
    const domainName = searchDomainName(this.naming);
    const domainArn = this.arn('es', `domain/${domainName}`);
    const writerRoleArns = names.map((name) => functionRoleArn(this, name));
    const usersRoleArn = referenceParameter(this, {
      project: 'shared-infra',
      thing: 'authenticated-role',
      attribute: 'arn',
    }).value;
    const admitted = (sid: string, roles: readonly string[], actions: readonly string[]) => ({
      Sid: sid,
      Effect: 'Allow',
      Principal: { AWS: [...roles] },
      Action: [...actions],
      Resource: `${domainArn}/*`,
    });
    this.policy = new OpensearchDomainPolicy(this, 'policy', {
      domainName,
      accessPolicies: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          admitted('SetupAdministers', [functionRoleArn(this, searchSetupFunctionName)], ['es:ESHttp*']),
          admitted('WritersWrite', writerRoleArns, searchHttpActions),
          admitted('DashboardsUsersSignIn', [usersRoleArn], ['es:ESHttp*']),
        ],
      }),
    });
    // Mapped once the domain admits the roles, so that nothing is mapped that the domain would turn away.
    invokeSearchSetup(
      this,
      'role-mappings',
      referenceParameter(this, searchSetupFunctionParameter).value,
      { templates: [], access: { writerRoleArns, dashboardsUserRoleArns: [usersRoleArn] } },
      { dependsOn: [this.policy] },
    );
  }
}
