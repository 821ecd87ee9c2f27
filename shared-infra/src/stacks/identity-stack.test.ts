import { describe, expect, it } from '@jest/globals';
import { Testing } from '@sec-an/constructs/cdktf';
import {
  onlyResourceOf,
  publishedParameters,
  refTo,
  resourcesOf,
  type SynthesizedStack,
  synthesize,
} from '@sec-an/constructs/testing';
import type { IdentityProps } from '../identity/identity-props.ts';
import { testDeployment } from '../testing/synthesized.ts';
import { IdentityStack } from './identity-stack.ts';

const synthesizeIdentity = (props: IdentityProps & { app?: string } = {}): SynthesizedStack =>
  synthesize(new IdentityStack(Testing.app(), 'identity', { ...testDeployment, ...props }));

const userPoolOf = (synthesized: SynthesizedStack): Record<string, unknown> =>
  onlyResourceOf(synthesized, 'aws_cognito_user_pool');

describe('IdentityStack user pool', () => {
  it('lets only administrators create users', () => {
    expect(userPoolOf(synthesizeIdentity()).admin_create_user_config).toEqual({
      allow_admin_create_user_only: true,
    });
  });

  it('requires long passwords of every character class and short-lived temporary ones', () => {
    expect(userPoolOf(synthesizeIdentity()).password_policy).toEqual({
      minimum_length: 14,
      require_lowercase: true,
      require_uppercase: true,
      require_numbers: true,
      require_symbols: true,
      password_history_size: 24,
      temporary_password_validity_days: 3,
    });
  });

  it('offers TOTP MFA', () => {
    expect(userPoolOf(synthesizeIdentity())).toMatchObject({
      mfa_configuration: 'OPTIONAL',
      software_token_mfa_configuration: { enabled: true },
    });
  });

  it('is protected from deletion unless told otherwise', () => {
    expect(userPoolOf(synthesizeIdentity()).deletion_protection).toBe('ACTIVE');
    expect(userPoolOf(synthesizeIdentity({ deletionProtection: false })).deletion_protection).toBe(
      'INACTIVE',
    );
  });

  it('enforces threat protection on the Plus tier by default', () => {
    expect(userPoolOf(synthesizeIdentity())).toMatchObject({
      user_pool_tier: 'PLUS',
      user_pool_add_ons: { advanced_security_mode: 'ENFORCED' },
    });
    expect(userPoolOf(synthesizeIdentity({ threatProtection: 'audit' })).user_pool_add_ons).toEqual({
      advanced_security_mode: 'AUDIT',
    });
  });

  it('stays on the Essentials tier without threat protection', () => {
    const userPool = userPoolOf(synthesizeIdentity({ threatProtection: 'off' }));
    expect(userPool.user_pool_tier).toBe('ESSENTIALS');
    expect(userPool).not.toHaveProperty('user_pool_add_ons');
  });

  it('signs in on a domain named after the stack', () => {
    const synthesized = synthesizeIdentity();
    expect(onlyResourceOf(synthesized, 'aws_cognito_user_pool_domain')).toEqual({
      domain: 'sec-an-test-shared-infra-login',
      user_pool_id: refTo(synthesized, 'aws_cognito_user_pool', 'id'),
    });
  });
});

describe('IdentityStack Dashboards client and identity pool', () => {
  it('signs in with SRP, short-lived revocable tokens, and no hosted UI by default', () => {
    const client = onlyResourceOf(synthesizeIdentity(), 'aws_cognito_user_pool_client');
    expect(client).toMatchObject({
      name: 'opensearch-dashboards',
      generate_secret: false,
      explicit_auth_flows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      prevent_user_existence_errors: 'ENABLED',
      enable_token_revocation: true,
      access_token_validity: 60,
      id_token_validity: 60,
    });
    expect(client).not.toHaveProperty('allowed_oauth_flows');
  });

  it('offers the code flow to the Dashboards URLs it is given', () => {
    const callbackUrls = ['https://search.example.com/_dashboards/app/home'];
    const client = onlyResourceOf(
      synthesizeIdentity({ dashboardsCallbackUrls: callbackUrls }),
      'aws_cognito_user_pool_client',
    );
    expect(client).toMatchObject({
      allowed_oauth_flows_user_pool_client: true,
      allowed_oauth_flows: ['code'],
      allowed_oauth_scopes: ['openid', 'email', 'profile'],
      callback_urls: callbackUrls,
    });
  });

  it('gives no identity to anyone who has not signed in, and checks tokens with the user pool', () => {
    const synthesized = synthesizeIdentity();
    expect(onlyResourceOf(synthesized, 'aws_cognito_identity_pool')).toMatchObject({
      allow_unauthenticated_identities: false,
      allow_classic_flow: false,
      cognito_identity_providers: [
        {
          client_id: refTo(synthesized, 'aws_cognito_user_pool_client', 'id'),
          provider_name: refTo(synthesized, 'aws_cognito_user_pool', 'endpoint'),
          server_side_token_check: true,
        },
      ],
      lifecycle: { ignore_changes: ['cognito_identity_providers'] },
    });
  });

  it("maps signed-in identities to a role only this pool's authenticated identities can assume", () => {
    const synthesized = synthesizeIdentity();
    const trust = JSON.parse(onlyResourceOf(synthesized, 'aws_iam_role').assume_role_policy as string);
    expect(trust.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'cognito-identity.amazonaws.com:aud': refTo(synthesized, 'aws_cognito_identity_pool', 'id'),
          },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
      },
    ]);
    expect(onlyResourceOf(synthesized, 'aws_cognito_identity_pool_roles_attachment').roles).toEqual({
      authenticated: refTo(synthesized, 'aws_iam_role', 'arn'),
    });
  });

  it('grants the authenticated role nothing itself', () => {
    const synthesized = synthesizeIdentity();
    expect(resourcesOf(synthesized, 'aws_iam_role_policy')).toEqual({});
    expect(resourcesOf(synthesized, 'aws_iam_role_policy_attachment')).toEqual({});
    expect(onlyResourceOf(synthesized, 'aws_iam_role')).not.toHaveProperty('managed_policy_arns');
  });
});

describe('IdentityStack', () => {
  it('publishes the user pool, its domain and client, the identity pool and the authenticated role', () => {
    const synthesized = synthesizeIdentity();
    expect(publishedParameters(synthesized)).toEqual({
      '/sec-an/test/shared-infra/user-pool/id': refTo(synthesized, 'aws_cognito_user_pool', 'id'),
      '/sec-an/test/shared-infra/user-pool/arn': refTo(synthesized, 'aws_cognito_user_pool', 'arn'),
      '/sec-an/test/shared-infra/user-pool/domain': refTo(
        synthesized,
        'aws_cognito_user_pool_domain',
        'domain',
      ),
      '/sec-an/test/shared-infra/dashboards-client/id': refTo(
        synthesized,
        'aws_cognito_user_pool_client',
        'id',
      ),
      '/sec-an/test/shared-infra/identity-pool/id': refTo(synthesized, 'aws_cognito_identity_pool', 'id'),
      '/sec-an/test/shared-infra/authenticated-role/arn': refTo(synthesized, 'aws_iam_role', 'arn'),
    });
  });

  it('refuses a callback URL without TLS', () => {
    expect(() => synthesizeIdentity({ dashboardsCallbackUrls: ['http://search.example.com/'] })).toThrow(
      'must use https',
    );
  });

  it('refuses a domain prefix Cognito would refuse', () => {
    expect(() => synthesizeIdentity({ app: 'aws-scan' })).toThrow('must not contain "aws"');
  });

  it('refuses an unknown threat protection mode', () => {
    expect(() => synthesizeIdentity({ threatProtection: 'strict' as never })).toThrow(
      'threatProtection must be one of',
    );
  });
});
