import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudWatchLogsClient, DescribeResourcePoliciesCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { CloudwatchLogResourcePolicy } from '@cdktf/provider-aws/lib/cloudwatch-log-resource-policy/index.js';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function/index.js';
import { LambdaInvocation } from '@cdktf/provider-aws/lib/lambda-invocation/index.js';
import { OpensearchDomain } from '@cdktf/provider-aws/lib/opensearch-domain/index.js';
import { OpensearchDomainPolicy } from '@cdktf/provider-aws/lib/opensearch-domain-policy/index.js';
import { describe, expect, it } from '@jest/globals';
import { AssetType, TerraformAsset } from '@sec-an/constructs/cdktf';
import { publishParameter } from '@sec-an/constructs/parameters';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { provision } from './provision.ts';
import { synthesizeStack } from './synthesized-stacks.ts';

useCleanBackends();

const handlerSource = (): string => {
  const directory = mkdtempSync(join(tmpdir(), 'sec-an-handler-'));
  writeFileSync(join(directory, 'index.mjs'), 'export const handler = async (event) => event;\n');
  return directory;
};

const request = { templates: [], note: 'provision me' };

/** A domain with its logs' policy and access policy, and a function invoked at deploy time, by ARN. */
const searchStack = () =>
  synthesizeStack('search', (stack) => {
    const domain = new OpensearchDomain(stack, 'domain', {
      domainName: 'sec-an-test-search',
      engineVersion: 'OpenSearch_2.19',
    });
    new CloudwatchLogResourcePolicy(stack, 'logs', {
      policyName: 'sec-an-test-search-logs',
      policyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'es.amazonaws.com' },
            Action: ['logs:PutLogEvents'],
            Resource: 'arn:aws:logs:eu-west-2:123456789012:log-group:/aws/opensearch/*',
          },
        ],
      }),
    });
    new OpensearchDomainPolicy(stack, 'access', {
      domainName: domain.domainName,
      accessPolicies: JSON.stringify({ Version: '2012-10-17', Statement: [] }),
    });
    publishParameter(stack, 'search-domain', 'endpoint', `https://${domain.endpoint}`);
    publishParameter(stack, 'search-domain', 'dashboards', `[${domain.dashboardEndpoint}]`);
    const asset = new TerraformAsset(stack, 'bundle', { path: handlerSource(), type: AssetType.ARCHIVE });
    const setup = new LambdaFunction(stack, 'setup', {
      functionName: stack.physicalName('setup'),
      role: 'arn:aws:iam::123456789012:role/setup',
      handler: 'index.handler',
      runtime: 'nodejs24.x',
      filename: asset.path,
    });
    new LambdaInvocation(stack, 'provision', {
      functionName: setup.arn,
      input: JSON.stringify(request),
      triggers: { request: 'one' },
    });
  });

const parameter = async (name: string): Promise<string | undefined> =>
  (await awsClient(SSMClient).send(new GetParameterCommand({ Name: name }))).Parameter?.Value;

describe('provisioning a search domain and a deploy-time invocation', () => {
  it('records the local node as the domain: its host and port as the endpoint, and no Dashboards', async () => {
    const { resources } = await provision([searchStack()]);

    const node = new URL(testBackends().openSearchEndpoint);
    expect(await parameter('/sec-an/test/search/search-domain/endpoint')).toBe(`https://${node.host}`);
    expect(await parameter('/sec-an/test/search/search-domain/dashboards')).toBe('[]');
    expect(resources['search/main/aws_opensearch_domain.domain']?.attributes).toMatchObject({
      arn: 'arn:aws:es:eu-west-2:123456789012:domain/sec-an-test-search',
      domain_id: '123456789012/sec-an-test-search',
    });
  });

  it('puts the log resource policy into moto and lists the access policy as not applied, saying why', async () => {
    const { deployment } = await provision([searchStack()]);

    const { resourcePolicies = [] } = await awsClient(CloudWatchLogsClient).send(
      new DescribeResourcePoliciesCommand({}),
    );
    expect(resourcePolicies.map(({ policyName }) => policyName)).toContain('sec-an-test-search-logs');
    expect(deployment.unapplied).toContainEqual({
      address: 'search/main/aws_opensearch_domain_policy.access',
      type: 'aws_opensearch_domain_policy',
      reason: 'the local node runs without the security plugin, so no access policy applies',
    });
  });

  it('records the invocation, by function name, for the platform to run after the compute step starts', async () => {
    const { deployment } = await provision([searchStack()]);

    expect(deployment.invocations).toEqual([
      {
        address: 'search/main/aws_lambda_invocation.provision',
        project: 'search',
        functionName: 'sec-an-test-search-setup',
        input: JSON.stringify(request),
      },
    ]);
    expect(deployment.unapplied.map(({ type }) => type)).not.toContain('aws_lambda_invocation');
  });
});
