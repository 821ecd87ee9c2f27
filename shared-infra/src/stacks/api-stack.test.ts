import { describe, expect, it } from '@jest/globals';
import { Testing } from '@sec-an/constructs/cdktf';
import {
  accountRef,
  allGrantedStatements,
  onlyResourceOf,
  partitionRef,
  publishedParameters,
  referencedParameter,
  refTo,
  resourcesOf,
  resourceWhere,
  type SynthesizedStack,
  starGrants,
  synthesize,
} from '@sec-an/constructs/testing';
import type { ApiProps } from '../api/api-props.ts';
import { testDeployment } from '../testing/synthesized.ts';
import { ApiStack } from './api-stack.ts';

const synthesizeApi = (props: ApiProps = {}): SynthesizedStack =>
  synthesize(new ApiStack(Testing.app(), 'api', { ...testDeployment, ...props }));

const logGroupNamed = (synthesized: SynthesizedStack, prefix: string): Record<string, unknown> =>
  resourceWhere(synthesized, 'aws_cloudwatch_log_group', (group) => String(group.name).startsWith(prefix));

describe('ApiStack routes', () => {
  it('authorizes with the user pool the identity stack publishes', () => {
    const synthesized = synthesizeApi();
    expect(onlyResourceOf(synthesized, 'aws_api_gateway_authorizer')).toMatchObject({
      type: 'COGNITO_USER_POOLS',
      provider_arns: [referencedParameter(synthesized, '/sec-an/test/shared-infra/user-pool/arn')],
      identity_source: 'method.request.header.Authorization',
    });
  });

  it('puts GET /health behind the authorizer and the request validator', () => {
    const synthesized = synthesizeApi();
    expect(onlyResourceOf(synthesized, 'aws_api_gateway_resource')).toMatchObject({
      path_part: 'health',
      parent_id: refTo(synthesized, 'aws_api_gateway_rest_api', 'root_resource_id'),
    });
    expect(onlyResourceOf(synthesized, 'aws_api_gateway_method')).toMatchObject({
      http_method: 'GET',
      resource_id: refTo(synthesized, 'aws_api_gateway_resource', 'id'),
      authorization: 'COGNITO_USER_POOLS',
      authorizer_id: refTo(synthesized, 'aws_api_gateway_authorizer', 'id'),
      request_validator_id: refTo(synthesized, 'aws_api_gateway_request_validator', 'id'),
    });
  });

  it('answers /health itself with 200 and {"status":"ok"}', () => {
    const synthesized = synthesizeApi();
    const integration = onlyResourceOf(synthesized, 'aws_api_gateway_integration');
    expect(integration.type).toBe('MOCK');
    expect(
      JSON.parse((integration.request_templates as Record<string, string>)['application/json'] ?? ''),
    ).toEqual({
      statusCode: 200,
    });
    const response = onlyResourceOf(synthesized, 'aws_api_gateway_integration_response');
    expect(response.status_code).toBe(refTo(synthesized, 'aws_api_gateway_method_response', 'status_code'));
    expect(onlyResourceOf(synthesized, 'aws_api_gateway_method_response').status_code).toBe('200');
    expect(
      JSON.parse((response.response_templates as Record<string, string>)['application/json'] ?? ''),
    ).toEqual({
      status: 'ok',
    });
  });

  it('validates parameters and bodies', () => {
    expect(onlyResourceOf(synthesizeApi(), 'aws_api_gateway_request_validator')).toMatchObject({
      validate_request_parameters: true,
      validate_request_body: true,
    });
  });

  it('is a regional API, replaced and redeployed without a gap', () => {
    const synthesized = synthesizeApi();
    expect(onlyResourceOf(synthesized, 'aws_api_gateway_rest_api')).toMatchObject({
      endpoint_configuration: { types: ['REGIONAL'] },
      lifecycle: { create_before_destroy: true },
    });
    const deployment = onlyResourceOf(synthesized, 'aws_api_gateway_deployment');
    expect(deployment.lifecycle).toEqual({ create_before_destroy: true });
    expect((deployment.triggers as Record<string, string>).redeployment).toContain(
      refTo(synthesized, 'aws_api_gateway_integration_response', 'id').slice(2, -1),
    );
  });
});

describe('ApiStack stage', () => {
  it('traces with X-Ray and caches nothing', () => {
    const stage = onlyResourceOf(synthesizeApi(), 'aws_api_gateway_stage');
    expect(stage).toMatchObject({
      stage_name: 'v1',
      xray_tracing_enabled: true,
      cache_cluster_enabled: false,
    });
  });

  it('writes a JSON access log line per request into an encrypted log group kept a year', () => {
    const synthesized = synthesizeApi();
    const accessLogs = logGroupNamed(synthesized, '/aws/apigateway/');
    expect(accessLogs).toEqual({
      name: '/aws/apigateway/sec-an-test-shared-infra-api-access',
      retention_in_days: 365,
      kms_key_id: referencedParameter(synthesized, '/sec-an/test/shared-infra/log-key/arn'),
    });
    const settings = onlyResourceOf(synthesized, 'aws_api_gateway_stage').access_log_settings as Record<
      string,
      string
    >;
    expect(settings.destination_arn).toBe(
      refTo(synthesized, 'aws_cloudwatch_log_group', 'arn', (group) => group.name === accessLogs.name),
    );
    expect(JSON.parse(settings.format ?? '')).toMatchObject({
      requestId: '$context.requestId',
      sourceIp: '$context.identity.sourceIp',
      user: '$context.authorizer.claims.sub',
      status: '$context.status',
    });
  });

  it('creates the execution log group itself, encrypted and kept a year', () => {
    const synthesized = synthesizeApi();
    const executionLogs = logGroupNamed(synthesized, 'API-Gateway-Execution-Logs_');
    expect(executionLogs).toMatchObject({
      name: `API-Gateway-Execution-Logs_${refTo(synthesized, 'aws_api_gateway_rest_api', 'id')}/v1`,
      retention_in_days: 365,
    });
    expect(executionLogs.kms_key_id).toBeDefined();
  });

  it('logs errors and metrics for every method, never bodies, and throttles', () => {
    expect(onlyResourceOf(synthesizeApi(), 'aws_api_gateway_method_settings')).toMatchObject({
      method_path: '*/*',
      settings: {
        logging_level: 'ERROR',
        metrics_enabled: true,
        data_trace_enabled: false,
        caching_enabled: false,
        throttling_burst_limit: 100,
        throttling_rate_limit: 50,
      },
    });
  });

  it('sets the account logging role, which may write only to API Gateway log groups', () => {
    const synthesized = synthesizeApi();
    expect(onlyResourceOf(synthesized, 'aws_api_gateway_account').cloudwatch_role_arn).toBe(
      refTo(synthesized, 'aws_iam_role', 'arn'),
    );
    const trust = JSON.parse(onlyResourceOf(synthesized, 'aws_iam_role').assume_role_policy as string);
    expect(trust.Statement[0].Principal).toEqual({ Service: 'apigateway.amazonaws.com' });
    const logGroups = `arn:${partitionRef}:logs:eu-west-2:${accountRef}:log-group:`;
    const statements = allGrantedStatements(synthesized);
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: [
          'logs:CreateLogGroup',
          'logs:CreateLogStream',
          'logs:DescribeLogStreams',
          'logs:PutLogEvents',
        ],
        Resource: [`${logGroups}API-Gateway-Execution-Logs_*`, `${logGroups}/aws/apigateway/*`],
      },
      { Effect: 'Allow', Action: ['logs:DescribeLogGroups'], Resource: [`${logGroups}*`] },
    ]);
    expect(starGrants(statements)).toEqual([]);
  });

  it('leaves the account logging role alone when another stage manages it', () => {
    const synthesized = synthesizeApi({ manageAccountLoggingRole: false });
    expect(resourcesOf(synthesized, 'aws_api_gateway_account')).toEqual({});
    expect(resourcesOf(synthesized, 'aws_iam_role')).toEqual({});
  });

  it('uses the stage name it is given', () => {
    expect(onlyResourceOf(synthesizeApi({ stageName: 'live' }), 'aws_api_gateway_stage').stage_name).toBe(
      'live',
    );
  });
});

describe('ApiStack firewall', () => {
  it('puts a regional web ACL in front of the stage', () => {
    const synthesized = synthesizeApi();
    expect(onlyResourceOf(synthesized, 'aws_wafv2_web_acl_association')).toEqual({
      resource_arn: refTo(synthesized, 'aws_api_gateway_stage', 'arn'),
      web_acl_arn: refTo(synthesized, 'aws_wafv2_web_acl', 'arn'),
    });
    expect(onlyResourceOf(synthesized, 'aws_wafv2_web_acl')).toMatchObject({
      scope: 'REGIONAL',
      default_action: { allow: {} },
    });
  });

  it('rate-limits each address and applies the AWS managed rule groups', () => {
    const rules = onlyResourceOf(synthesizeApi({ rateLimitPerFiveMinutes: 500 }), 'aws_wafv2_web_acl')
      .rule as {
      name: string;
      statement: Record<string, Record<string, unknown>>;
    }[];
    expect(rules[0]?.statement.rate_based_statement).toMatchObject({ limit: 500, aggregate_key_type: 'IP' });
    expect(rules.map((rule) => rule.statement.managed_rule_group_statement?.name).filter(Boolean)).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesKnownBadInputsRuleSet',
      'AWSManagedRulesAnonymousIpList',
      'AWSManagedRulesCommonRuleSet',
    ]);
  });

  it('logs what it sees into an encrypted log group, without the bearer token', () => {
    const synthesized = synthesizeApi();
    const wafLogs = logGroupNamed(synthesized, 'aws-waf-logs-');
    expect(wafLogs).toMatchObject({ retention_in_days: 365 });
    expect(onlyResourceOf(synthesized, 'aws_wafv2_web_acl_logging_configuration')).toMatchObject({
      log_destination_configs: [
        refTo(synthesized, 'aws_cloudwatch_log_group', 'arn', (group) => group.name === wafLogs.name),
      ],
      redacted_fields: [{ single_header: { name: 'authorization' } }],
    });
  });
});

describe('ApiStack', () => {
  it('publishes what other projects need to add routes and call the API', () => {
    const synthesized = synthesizeApi();
    const restApi = (attribute: string) => refTo(synthesized, 'aws_api_gateway_rest_api', attribute);
    expect(publishedParameters(synthesized)).toEqual({
      '/sec-an/test/shared-infra/api/id': restApi('id'),
      '/sec-an/test/shared-infra/api/root-resource-id': restApi('root_resource_id'),
      '/sec-an/test/shared-infra/api/execution-arn': restApi('execution_arn'),
      '/sec-an/test/shared-infra/api/stage-name': refTo(synthesized, 'aws_api_gateway_stage', 'stage_name'),
      '/sec-an/test/shared-infra/api/invoke-url': refTo(synthesized, 'aws_api_gateway_stage', 'invoke_url'),
      '/sec-an/test/shared-infra/api/authorizer-id': refTo(synthesized, 'aws_api_gateway_authorizer', 'id'),
      '/sec-an/test/shared-infra/api/request-validator-id': refTo(
        synthesized,
        'aws_api_gateway_request_validator',
        'id',
      ),
    });
  });

  it.each<[string, ApiProps, string]>([
    ['a stage name with a slash', { stageName: 'v1/beta' }, 'stageName "v1/beta"'],
    ['a rate limit WAF cannot count', { rateLimitPerFiveMinutes: 5 }, 'rateLimitPerFiveMinutes'],
  ])('refuses %s', (_, props, message) => {
    expect(() => synthesizeApi(props)).toThrow(message);
  });
});
