import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client/index.js';
import { Construct } from '@sec-an/constructs/cdktf';

export interface DashboardsClientProps {
  readonly userPoolId: string;
  /** Default: none, SRP sign-in only. */
  readonly callbackUrls?: readonly string[];
}

/**
 * The app client OpenSearch Dashboards users sign in through. Tokens are short-lived and revocable, and the
 * client does not reveal whether a user exists.
 */
export class DashboardsClient extends Construct {
  readonly client: CognitoUserPoolClient;

  constructor(scope: Construct, id: string, props: DashboardsClientProps) {
    super(scope, id);
    const callbackUrls = props.callbackUrls ?? [];
    this.client = new CognitoUserPoolClient(this, 'client', {
      name: 'opensearch-dashboards',
      userPoolId: props.userPoolId,
      generateSecret: false,
      explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      preventUserExistenceErrors: 'ENABLED',
      enableTokenRevocation: true,
      supportedIdentityProviders: ['COGNITO'],
      accessTokenValidity: 60,
      idTokenValidity: 60,
      refreshTokenValidity: 12,
      tokenValidityUnits: [{ accessToken: 'minutes', idToken: 'minutes', refreshToken: 'hours' }],
      ...(callbackUrls.length === 0
        ? {}
        : {
            allowedOauthFlowsUserPoolClient: true,
            allowedOauthFlows: ['code'],
            allowedOauthScopes: ['openid', 'email', 'profile'],
            callbackUrls: [...callbackUrls],
          }),
    });
  }
}
