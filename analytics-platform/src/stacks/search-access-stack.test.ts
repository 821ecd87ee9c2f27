import { describe, expect, it } from '@jest/globals';
import { Testing } from '@sec-an/constructs/cdktf';
import {
  accountRef,
  onlyResourceOf,
  partitionRef,
  referencedParameter,
  type SynthesizedStack,
  synthesize,
} from '@sec-an/constructs/testing';
import { SearchAccessStack } from './search-access-stack.ts';

const synthesizeAccess = (writers: readonly string[]): SynthesizedStack =>
  synthesize(
    new SearchAccessStack(Testing.app(), 'search-access', {
      stage: 'test',
      writers: writers.map((name) => ({ name })),
    }),
  );

const role = (name: string) =>
  `arn:${partitionRef}:iam::${accountRef}:role/sec-an-test-analytics-platform-${name}`;
const domainResources = `arn:${partitionRef}:es:eu-west-2:${accountRef}:domain/sec-an-test-search/*`;

describe('SearchAccessStack', () => {
  const synthesized = synthesizeAccess(['ingest', 'dead-letter-report']);
  const usersRole = referencedParameter(synthesized, '/sec-an/test/shared-infra/authenticated-role/arn');

  it('admits to the domain the setup function, the writers and signed-in Dashboards users, by role, and nobody else', () => {
    const policy = onlyResourceOf(synthesized, 'aws_opensearch_domain_policy');
    expect(policy.domain_name).toBe('sec-an-test-search');
    const document = JSON.parse(String(policy.access_policies)) as { Statement: { Principal: unknown }[] };
    expect(document.Statement).toEqual([
      {
        Sid: 'SetupAdministers',
        Effect: 'Allow',
        Principal: { AWS: [role('search-setup')] },
        Action: ['es:ESHttp*'],
        Resource: domainResources,
      },
      {
        Sid: 'WritersWrite',
        Effect: 'Allow',
        Principal: { AWS: [role('ingest'), role('dead-letter-report')] },
        Action: ['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPost', 'es:ESHttpPut', 'es:ESHttpDelete'],
        Resource: domainResources,
      },
      {
        Sid: 'DashboardsUsersSignIn',
        Effect: 'Allow',
        Principal: { AWS: [usersRole] },
        Action: ['es:ESHttp*'],
        Resource: domainResources,
      },
    ]);
    expect(JSON.stringify(document)).not.toMatch(/"\*"/);
  });

  it('maps the same roles in fine-grained access control, once the policy admits them', () => {
    const invocation = onlyResourceOf(synthesized, 'aws_lambda_invocation');
    expect(invocation.function_name).toBe(
      referencedParameter(synthesized, '/sec-an/test/analytics-platform/search-setup/function-arn'),
    );
    expect(JSON.parse(String(invocation.input))).toEqual({
      templates: [],
      access: {
        writerRoleArns: [role('ingest'), role('dead-letter-report')],
        dashboardsUserRoleArns: [usersRole],
      },
    });
    expect(invocation.depends_on).toEqual(['aws_opensearch_domain_policy.policy']);
  });

  it('refuses a writer named twice, or none', () => {
    expect(() => synthesizeAccess(['ingest', 'ingest'])).toThrow('a writer is named twice');
    expect(() => synthesizeAccess([])).toThrow('no writer is admitted');
  });
});
