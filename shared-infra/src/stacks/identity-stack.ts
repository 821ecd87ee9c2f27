import { CognitoIdentityPool } from '@cdktf/provider-aws/lib/cognito-identity-pool/index.js';
import { CognitoIdentityPoolRolesAttachment } from '@cdktf/provider-aws/lib/cognito-identity-pool-roles-attachment/index.js';
import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool/index.js';
import { CognitoUserPoolDomain } from '@cdktf/provider-aws/lib/cognito-user-pool-domain/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import type { Construct } from '@sec-an/constructs/cdktf';
import { publishParameter } from '@sec-an/constructs/parameters';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { authenticatedRoleTrust } from '../identity/authenticated-role-trust.ts';
import { DashboardsClient } from '../identity/dashboards-client.ts';
import {
  type IdentityProps,
  type ThreatProtection,
  validateDomainPrefix,
  validateIdentityProps,
} from '../identity/identity-props.ts';
import { passwordPolicy } from '../identity/password-policy.ts';
import { sharedInfraProject } from './shared-infra-project.ts';

export type IdentityStackProps = DeploymentSettings & IdentityProps;

const threatProtectionMode: Readonly<Record<ThreatProtection, string | undefined>> = {
  enforced: 'ENFORCED',
  audit: 'AUDIT',
  off: undefined,
};

/**
 * Who may use sec-an: a Cognito user pool whose users only administrators create, with a strong password
 * policy and optional TOTP MFA; its sign-in domain; the client OpenSearch Dashboards signs in through; and the
 * identity pool that turns a signed-in user into the authenticated role, which analytics-platform's domain
 * policy names.
 */
export class IdentityStack extends ServiceStack {
  readonly userPool: CognitoUserPool;
  readonly domain: CognitoUserPoolDomain;
  readonly dashboardsClient: DashboardsClient;
  readonly identityPool: CognitoIdentityPool;
  readonly authenticatedRole: IamRole;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, { ...props, project: sharedInfraProject });
    const domainPrefix = this.physicalName('login', 63);
    const errors = [...validateIdentityProps(props), ...validateDomainPrefix(domainPrefix)];
    if (errors.length > 0) throw new Error(`stack ${id}: ${errors.join('; ')}`);
    this.userPool = this.createUserPool(props);
    this.domain = new CognitoUserPoolDomain(this, 'domain', {
      domain: domainPrefix,
      userPoolId: this.userPool.id,
    });
    this.dashboardsClient = new DashboardsClient(this, 'dashboards-client', {
      userPoolId: this.userPool.id,
      ...(props.dashboardsCallbackUrls === undefined ? {} : { callbackUrls: props.dashboardsCallbackUrls }),
    });
    this.identityPool = new CognitoIdentityPool(this, 'identity-pool', {
      identityPoolName: this.physicalName('dashboards', 128),
      allowUnauthenticatedIdentities: false,
      allowClassicFlow: false,
      cognitoIdentityProviders: [
        {
          clientId: this.dashboardsClient.client.id,
          providerName: this.userPool.endpoint,
          serverSideTokenCheck: true,
        },
      ],
      // OpenSearch Service adds its own app client here when a domain turns Cognito authentication on; a plan
      // must not take it away again.
      lifecycle: { ignoreChanges: ['cognito_identity_providers'] },
    });
    this.authenticatedRole = new IamRole(this, 'authenticated-role', {
      name: this.physicalName('dashboards-user'),
      description: 'Signed-in users of OpenSearch Dashboards; the domain access policy says what it may do',
      assumeRolePolicy: authenticatedRoleTrust(this.identityPool.id),
    });
    new CognitoIdentityPoolRolesAttachment(this, 'identity-pool-roles', {
      identityPoolId: this.identityPool.id,
      roles: { authenticated: this.authenticatedRole.arn },
    });
    this.publish();
  }

  private createUserPool(props: IdentityProps): CognitoUserPool {
    const mode = threatProtectionMode[props.threatProtection ?? 'enforced'];
    return new CognitoUserPool(this, 'user-pool', {
      name: this.physicalName('users', 128),
      deletionProtection: (props.deletionProtection ?? true) ? 'ACTIVE' : 'INACTIVE',
      adminCreateUserConfig: { allowAdminCreateUserOnly: true },
      passwordPolicy,
      mfaConfiguration: 'OPTIONAL',
      softwareTokenMfaConfiguration: { enabled: true },
      usernameAttributes: ['email'],
      autoVerifiedAttributes: ['email'],
      usernameConfiguration: { caseSensitive: false },
      accountRecoverySetting: { recoveryMechanism: [{ name: 'verified_email', priority: 1 }] },
      userPoolTier: mode === undefined ? 'ESSENTIALS' : 'PLUS',
      ...(mode === undefined ? {} : { userPoolAddOns: { advancedSecurityMode: mode } }),
    });
  }

  private publish(): void {
    publishParameter(this, 'user-pool', 'id', this.userPool.id);
    publishParameter(this, 'user-pool', 'arn', this.userPool.arn);
    publishParameter(this, 'user-pool', 'domain', this.domain.domain);
    publishParameter(this, 'dashboards-client', 'id', this.dashboardsClient.client.id);
    publishParameter(this, 'identity-pool', 'id', this.identityPool.id);
    publishParameter(this, 'authenticated-role', 'arn', this.authenticatedRole.arn);
  }
}
