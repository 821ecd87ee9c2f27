import { fileURLToPath } from 'node:url';
import { OpensearchDomain } from '@cdktf/provider-aws/lib/opensearch-domain/index.js';
import type { Construct } from '@sec-an/constructs/cdktf';
import { NodeFunction } from '@sec-an/constructs/node-function';
import { publishParameter, referenceParameter } from '@sec-an/constructs/parameters';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { dashboardsEndpointVariable } from '../search-setup/setup-targets.ts';
import { analyticsPlatformProject } from './analytics-platform-project.ts';
import { DashboardsCognitoRole } from './search-domain/dashboards-cognito-role.ts';
import { DomainLogs } from './search-domain/domain-logs.ts';
import { grantSearchAccess } from './search-domain/search-access-grants.ts';
import { searchDomainName } from './search-domain/search-domain-name.ts';
import {
  dedicatedMasterCount,
  resolveSearchDomainProps,
  type SearchDomainProps,
  validateSearchDomainProps,
  zonesFor,
} from './search-domain/search-domain-props.ts';

export type SearchDomainStackProps = DeploymentSettings & SearchDomainProps;

/** The engine version of the domain, the same as the local node's (2.19). */
export const searchEngineVersion = 'OpenSearch_2.19';

/** TLS 1.2 or later, forward secrecy only: the most recent policy OpenSearch Service offers. */
export const searchTlsPolicy = 'Policy-Min-TLS-1-2-PFS-2023-10';

/** The name of the setup function, whose role is the domain's master user. */
export const searchSetupFunctionName = 'search-setup';

const sharedInfra = (thing: string, attribute: string) => ({ project: 'shared-infra', thing, attribute });

/**
 * The analytics store: an OpenSearch domain encrypted at rest (the app key) and between nodes, HTTPS only,
 * fine-grained access control with IAM (no internal users) whose master user is the setup function's role, Cognito
 * sign-in for Dashboards through shared-infra's pools, and every log type in encrypted log groups. It has a public
 * endpoint that admits only signed requests of the roles the search-access stack names (ADR 0013). The setup
 * function applies templates, saved objects and role mappings at deploy time (ADR 0014).
 */
export class SearchDomainStack extends ServiceStack {
  readonly domain: OpensearchDomain;
  readonly setupFunction: NodeFunction;
  readonly logs: DomainLogs;

  constructor(scope: Construct, id: string, props: SearchDomainStackProps) {
    super(scope, id, { ...props, project: analyticsPlatformProject });
    const errors = validateSearchDomainProps(props);
    if (errors.length > 0) throw new Error(`stack ${id}: ${errors.join('; ')}`);
    const settings = resolveSearchDomainProps(props);
    const domainName = searchDomainName(this.naming);
    // Computed rather than read from the domain: the log policy and the setup function's grant must exist first.
    const domainArn = this.arn('es', `domain/${domainName}`);
    this.logs = new DomainLogs(this, 'logs', { domainName, domainArn });
    const cognitoRole = new DashboardsCognitoRole(this, 'dashboards-cognito', {
      userPoolArn: referenceParameter(this, sharedInfra('user-pool', 'arn')).value,
      identityPoolId: referenceParameter(this, sharedInfra('identity-pool', 'id')).value,
      authenticatedRoleArn: referenceParameter(this, sharedInfra('authenticated-role', 'arn')).value,
    });
    this.setupFunction = new NodeFunction(this, 'setup', {
      name: searchSetupFunctionName,
      entry: fileURLToPath(new URL('../handlers/search-setup.ts', import.meta.url)),
      description: 'Applies index templates, saved objects and role mappings to the search domain',
      // Bringing every existing index up to its template takes a request per index.
      timeoutSeconds: 300,
      memorySizeMb: 512,
    });
    grantSearchAccess(this, this.setupFunction, domainArn);
    this.domain = new OpensearchDomain(this, 'domain', {
      domainName,
      engineVersion: searchEngineVersion,
      clusterConfig: {
        instanceType: settings.instanceType,
        instanceCount: settings.instanceCount,
        zoneAwarenessEnabled: settings.instanceCount > 1,
        ...(settings.instanceCount > 1
          ? { zoneAwarenessConfig: { availabilityZoneCount: zonesFor(settings.instanceCount) } }
          : {}),
        ...(settings.dedicatedMasterType === undefined
          ? { dedicatedMasterEnabled: false }
          : {
              dedicatedMasterEnabled: true,
              dedicatedMasterType: settings.dedicatedMasterType,
              dedicatedMasterCount,
            }),
      },
      ebsOptions: { ebsEnabled: true, volumeType: 'gp3', volumeSize: settings.volumeSizeGb },
      encryptAtRest: {
        enabled: true,
        kmsKeyId: referenceParameter(this, sharedInfra('log-key', 'arn')).value,
      },
      nodeToNodeEncryption: { enabled: true },
      domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: searchTlsPolicy },
      advancedSecurityOptions: {
        enabled: true,
        anonymousAuthEnabled: false,
        internalUserDatabaseEnabled: false,
        masterUserOptions: { masterUserArn: this.setupFunction.role.roleArn },
      },
      cognitoOptions: {
        enabled: true,
        userPoolId: referenceParameter(this, sharedInfra('user-pool', 'id')).value,
        identityPoolId: referenceParameter(this, sharedInfra('identity-pool', 'id')).value,
        roleArn: cognitoRole.roleArn,
      },
      logPublishingOptions: this.logs.publishingOptions,
      snapshotOptions: { automatedSnapshotStartHour: settings.snapshotStartHour },
      softwareUpdateOptions: { autoSoftwareUpdateEnabled: true },
      dependsOn: [this.logs.policy],
    });
    // Where there is no Dashboards (the local node) the attribute is empty, and the setup skips saved objects.
    this.setupFunction.addEnvironment(dashboardsEndpointVariable, this.domain.dashboardEndpoint);
    this.publish();
  }

  private publish(): void {
    publishParameter(this, 'search-domain', 'endpoint', `https://${this.domain.endpoint}`);
    publishParameter(this, 'search-domain', 'arn', this.domain.arn);
    publishParameter(this, searchSetupFunctionName, 'function-arn', this.setupFunction.functionArn);
  }
}
