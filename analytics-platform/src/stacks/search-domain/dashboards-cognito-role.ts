import { Construct } from '@sec-an/constructs/cdktf';
import { ServiceRole } from '@sec-an/constructs/iam';
import { ServiceStack } from '@sec-an/constructs/service-stack';

export interface DashboardsCognitoRoleProps {
  readonly userPoolArn: string;
  readonly identityPoolId: string;
  /** The role signed-in users get, which OpenSearch Service sets on the identity pool. */
  readonly authenticatedRoleArn: string;
}

/**
 * The role OpenSearch Service assumes to set up Cognito sign-in for Dashboards (its app client in the user pool,
 * the identity pool's provider): what AWS's AmazonOpenSearchServiceCognitoAccess policy allows, restricted to
 * shared-infra's pools and its authenticated role.
 */
export class DashboardsCognitoRole extends Construct {
  readonly role: ServiceRole;

  constructor(scope: Construct, id: string, props: DashboardsCognitoRoleProps) {
    super(scope, id);
    const stack = ServiceStack.of(this);
    this.role = new ServiceRole(this, 'role', {
      name: 'search-dashboards-cognito',
      assumedBy: 'opensearchservice.amazonaws.com',
      description: 'Lets OpenSearch Service configure Cognito sign-in for Dashboards',
    });
    this.role.addToPolicy({
      actions: [
        'cognito-idp:DescribeUserPool',
        'cognito-idp:CreateUserPoolClient',
        'cognito-idp:DeleteUserPoolClient',
        'cognito-idp:UpdateUserPoolClient',
        'cognito-idp:DescribeUserPoolClient',
        'cognito-idp:AdminInitiateAuth',
        'cognito-idp:AdminUserGlobalSignOut',
        'cognito-idp:ListUserPoolClients',
      ],
      resources: [props.userPoolArn],
    });
    this.role.addToPolicy({
      actions: [
        'cognito-identity:DescribeIdentityPool',
        'cognito-identity:UpdateIdentityPool',
        'cognito-identity:GetIdentityPoolRoles',
      ],
      resources: [stack.arn('cognito-identity', `identitypool/${props.identityPoolId}`)],
    });
    this.role.addToPolicy({
      actions: ['iam:PassRole'],
      resources: [props.authenticatedRoleArn],
      conditions: { StringLike: { 'iam:PassedToService': 'cognito-identity.amazonaws.com' } },
    });
  }

  get roleArn(): string {
    return this.role.roleArn;
  }
}
