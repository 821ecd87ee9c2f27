import { describe, expect, it } from '@jest/globals';
import { Testing } from '@sec-an/constructs/cdktf';
import {
  accountRef,
  allGrantedStatements,
  grantedStatements,
  onlyResourceOf,
  partitionRef,
  publishedParameters,
  referencedParameter,
  refTo,
  resourceAt,
  resourcesOf,
  type SynthesizedStack,
  starGrants,
  synthesize,
} from '@sec-an/constructs/testing';
import { SearchDomainStack, type SearchDomainStackProps } from './search-domain-stack.ts';

const synthesizeDomain = (props: Partial<SearchDomainStackProps> = {}): SynthesizedStack =>
  synthesize(new SearchDomainStack(Testing.app(), 'search-domain', { stage: 'test', ...props }));

const sharedInfra = (synthesized: SynthesizedStack, path: string): string =>
  referencedParameter(synthesized, `/sec-an/test/shared-infra/${path}`);

const domainArn = `arn:${partitionRef}:es:eu-west-2:${accountRef}:domain/sec-an-test-search`;

const roleRef = (synthesized: SynthesizedStack, name: string): string =>
  refTo(synthesized, 'aws_iam_role', 'arn', (role) => role.name === name);

describe('SearchDomainStack', () => {
  const synthesized = synthesizeDomain();
  const domain = onlyResourceOf(synthesized, 'aws_opensearch_domain');

  it('runs the engine version of the local node, with a name short enough for the service', () => {
    expect(domain.domain_name).toBe('sec-an-test-search');
    expect(domain.engine_version).toBe('OpenSearch_2.19');
  });

  it('encrypts at rest with the app key, between nodes, and takes HTTPS only with a forward-secret TLS 1.2+ policy', () => {
    expect(domain.encrypt_at_rest).toEqual({
      enabled: true,
      kms_key_id: sharedInfra(synthesized, 'log-key/arn'),
    });
    expect(domain.node_to_node_encryption).toEqual({ enabled: true });
    expect(domain.domain_endpoint_options).toEqual({
      enforce_https: true,
      tls_security_policy: 'Policy-Min-TLS-1-2-PFS-2023-10',
    });
  });

  it('controls access finely through IAM alone, the setup function being the master user, and admits nobody anonymous', () => {
    expect(domain.advanced_security_options).toEqual({
      enabled: true,
      anonymous_auth_enabled: false,
      internal_user_database_enabled: false,
      master_user_options: {
        master_user_arn: roleRef(synthesized, 'sec-an-test-analytics-platform-search-setup'),
      },
    });
    // The access policy is the search-access stack's, once the roles it names exist; none is set here.
    expect(domain.access_policies).toBeUndefined();
    expect(domain.vpc_options).toBeUndefined();
  });

  it('signs Dashboards users in through shared-infra pools, with a role restricted to them', () => {
    expect(domain.cognito_options).toEqual({
      enabled: true,
      user_pool_id: sharedInfra(synthesized, 'user-pool/id'),
      identity_pool_id: sharedInfra(synthesized, 'identity-pool/id'),
      role_arn: roleRef(synthesized, 'sec-an-test-analytics-platform-search-dashboards-cognito'),
    });
    const trust = JSON.parse(
      String(resourceAt(synthesized, 'aws_iam_role', 'dashboards-cognito').assume_role_policy),
    ) as { Statement: { Principal: unknown }[] };
    expect(trust.Statement[0]?.Principal).toEqual({ Service: 'opensearchservice.amazonaws.com' });
    expect(grantedStatements(synthesized, 'dashboards-cognito/role')).toEqual([
      {
        Effect: 'Allow',
        Action: [
          'cognito-idp:DescribeUserPool',
          'cognito-idp:CreateUserPoolClient',
          'cognito-idp:DeleteUserPoolClient',
          'cognito-idp:UpdateUserPoolClient',
          'cognito-idp:DescribeUserPoolClient',
          'cognito-idp:AdminInitiateAuth',
          'cognito-idp:AdminUserGlobalSignOut',
          'cognito-idp:ListUserPoolClients',
        ],
        Resource: [sharedInfra(synthesized, 'user-pool/arn')],
      },
      {
        Effect: 'Allow',
        Action: [
          'cognito-identity:DescribeIdentityPool',
          'cognito-identity:UpdateIdentityPool',
          'cognito-identity:GetIdentityPoolRoles',
        ],
        Resource: [
          `arn:${partitionRef}:cognito-identity:eu-west-2:${accountRef}:identitypool/${sharedInfra(synthesized, 'identity-pool/id')}`,
        ],
      },
      {
        Effect: 'Allow',
        Action: ['iam:PassRole'],
        Resource: [sharedInfra(synthesized, 'authenticated-role/arn')],
        Condition: { StringLike: { 'iam:PassedToService': 'cognito-identity.amazonaws.com' } },
      },
    ]);
  });

  it('publishes audit, slow and application logs into log groups encrypted with the log key', () => {
    const groups = Object.values(resourcesOf(synthesized, 'aws_cloudwatch_log_group')).filter((group) =>
      String(group.name).startsWith('/aws/opensearch/'),
    );
    expect(groups.map((group) => group.name).sort()).toEqual([
      '/aws/opensearch/sec-an-test-search/application',
      '/aws/opensearch/sec-an-test-search/audit',
      '/aws/opensearch/sec-an-test-search/index-slow',
      '/aws/opensearch/sec-an-test-search/search-slow',
    ]);
    for (const group of groups) {
      expect(group).toMatchObject({
        retention_in_days: 365,
        kms_key_id: sharedInfra(synthesized, 'log-key/arn'),
      });
    }
    const groupArn = (kind: string) =>
      refTo(synthesized, 'aws_cloudwatch_log_group', 'arn', (group) =>
        String(group.name).endsWith(`/${kind}`),
      );
    expect(domain.log_publishing_options).toEqual([
      { log_type: 'AUDIT_LOGS', cloudwatch_log_group_arn: groupArn('audit'), enabled: true },
      { log_type: 'INDEX_SLOW_LOGS', cloudwatch_log_group_arn: groupArn('index-slow'), enabled: true },
      { log_type: 'SEARCH_SLOW_LOGS', cloudwatch_log_group_arn: groupArn('search-slow'), enabled: true },
      { log_type: 'ES_APPLICATION_LOGS', cloudwatch_log_group_arn: groupArn('application'), enabled: true },
    ]);
  });

  it('lets OpenSearch Service write into exactly these groups, for this domain only, before the domain exists', () => {
    const policy = onlyResourceOf(synthesized, 'aws_cloudwatch_log_resource_policy');
    const groupArns = ['audit', 'index-slow', 'search-slow', 'application'].map(
      (kind) =>
        `${refTo(synthesized, 'aws_cloudwatch_log_group', 'arn', (group) => String(group.name).endsWith(`/${kind}`))}:*`,
    );
    expect(JSON.parse(String(policy.policy_document))).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'SearchDomainPublishesItsLogs',
          Effect: 'Allow',
          Principal: { Service: 'es.amazonaws.com' },
          Action: ['logs:PutLogEvents', 'logs:CreateLogStream'],
          Resource: groupArns,
          Condition: {
            StringEquals: { 'aws:SourceAccount': accountRef },
            ArnLike: { 'aws:SourceArn': domainArn },
          },
        },
      ],
    });
    expect(domain.depends_on).toEqual([
      `aws_cloudwatch_log_resource_policy.${Object.keys(resourcesOf(synthesized, 'aws_cloudwatch_log_resource_policy'))[0]}`,
    ]);
  });

  it('keeps one node without zones by default, a daily snapshot and automatic software updates', () => {
    expect(domain.cluster_config).toEqual({
      instance_type: 'm6g.large.search',
      instance_count: 1,
      zone_awareness_enabled: false,
      dedicated_master_enabled: false,
    });
    expect(domain.ebs_options).toEqual({ ebs_enabled: true, volume_type: 'gp3', volume_size: 20 });
    expect(domain.snapshot_options).toEqual({ automated_snapshot_start_hour: 3 });
    expect(domain.software_update_options).toEqual({ auto_software_update_enabled: true });
  });

  it('spreads several nodes over as many zones as divide them evenly', () => {
    const clusterOf = (instanceCount: number) =>
      onlyResourceOf(
        synthesizeDomain({ instanceCount, instanceType: 'r7g.large.search' }),
        'aws_opensearch_domain',
      ).cluster_config;
    expect(clusterOf(2)).toEqual({
      instance_type: 'r7g.large.search',
      instance_count: 2,
      zone_awareness_enabled: true,
      zone_awareness_config: { availability_zone_count: 2 },
      dedicated_master_enabled: false,
    });
    expect(clusterOf(6)).toMatchObject({ zone_awareness_config: { availability_zone_count: 3 } });
    expect(() => synthesizeDomain({ instanceCount: 5 })).toThrow('instanceCount 5 cannot be spread evenly');
  });

  it('adds three dedicated cluster manager nodes when given their type', () => {
    const domainWithManagers = onlyResourceOf(
      synthesizeDomain({ instanceCount: 2, dedicatedMasterType: 'm6g.large.search' }),
      'aws_opensearch_domain',
    );
    expect(domainWithManagers.cluster_config).toMatchObject({
      dedicated_master_enabled: true,
      dedicated_master_type: 'm6g.large.search',
      dedicated_master_count: 3,
    });
  });

  it('refuses settings the service would refuse', () => {
    expect(() => synthesizeDomain({ dedicatedMasterType: 'large' })).toThrow(
      'dedicatedMasterType "large" is not an OpenSearch instance type',
    );
    expect(() => synthesizeDomain({ instanceType: 'm6g.large' })).toThrow(
      'is not an OpenSearch instance type',
    );
    expect(() => synthesizeDomain({ volumeSizeGb: 5 })).toThrow(
      'volumeSizeGb must be a whole number in 10..16384',
    );
    expect(() => synthesizeDomain({ snapshotStartHour: 24 })).toThrow('snapshotStartHour');
  });

  it('gives the setup function the REST API of this domain, its endpoint parameter and its Dashboards endpoint', () => {
    const setup = resourceAt(synthesized, 'aws_lambda_function', 'setup');
    expect(setup).toMatchObject({
      function_name: 'sec-an-test-analytics-platform-search-setup',
      timeout: 300,
    });
    expect(
      (setup.environment as { variables: Record<string, string> }).variables.SEC_AN_DASHBOARDS_ENDPOINT,
    ).toBe(refTo(synthesized, 'aws_opensearch_domain', 'dashboard_endpoint'));
    const searchStatements = grantedStatements(synthesized, 'setup/role').filter((statement) =>
      statement.Action.some((action) => action.startsWith('es:') || action.startsWith('ssm:')),
    );
    expect(searchStatements).toEqual([
      {
        Effect: 'Allow',
        Action: ['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPost', 'es:ESHttpPut', 'es:ESHttpDelete'],
        Resource: [`${domainArn}/*`],
      },
      {
        Effect: 'Allow',
        Action: ['ssm:GetParameter'],
        Resource: [
          `arn:${partitionRef}:ssm:eu-west-2:${accountRef}:parameter/sec-an/test/analytics-platform/search-domain/endpoint`,
        ],
      },
    ]);
    expect(starGrants(allGrantedStatements(synthesized))).toEqual([]);
  });

  it('publishes the endpoint as an https URL, the ARN and the setup function', () => {
    expect(publishedParameters(synthesized)).toEqual({
      '/sec-an/test/analytics-platform/search-domain/endpoint': `https://${refTo(synthesized, 'aws_opensearch_domain', 'endpoint')}`,
      '/sec-an/test/analytics-platform/search-domain/arn': refTo(synthesized, 'aws_opensearch_domain', 'arn'),
      '/sec-an/test/analytics-platform/search-setup/function-arn': refTo(
        synthesized,
        'aws_lambda_function',
        'arn',
        (fn) => fn.function_name === 'sec-an-test-analytics-platform-search-setup',
      ),
    });
  });
});
