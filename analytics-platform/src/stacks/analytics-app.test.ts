import { describe, expect, it } from '@jest/globals';
import { type IConstruct, Testing } from '@sec-an/constructs/cdktf';
import { onlyResourceOf, resourcesOf, synthesize } from '@sec-an/constructs/testing';
import { buildAnalyticsPlatform } from './analytics-app.ts';
import { analyticsPlatformSettingsFrom } from './analytics-platform-settings.ts';

const build = (environment: Record<string, string> = {}) =>
  buildAnalyticsPlatform(Testing.app(), { stage: 'test' }, analyticsPlatformSettingsFrom(environment));

const roleNames = (stack: Parameters<typeof synthesize>[0]): unknown[] =>
  Object.values(resourcesOf(synthesize(stack), 'aws_iam_role')).map((role) => role.name);

describe('buildAnalyticsPlatform', () => {
  const stacks = build();

  it('builds the stacks of analytics-platform', () => {
    expect(Object.values(stacks).map((stack) => [stack.node.id, stack.naming.project])).toEqual([
      ['search-domain', 'analytics-platform'],
      ['ingest', 'analytics-platform'],
      ['dead-letter-report', 'analytics-platform'],
      ['search-access', 'analytics-platform'],
      ['search-content', 'analytics-platform'],
    ]);
  });

  it('deploys each stack after the stacks whose parameters or roles it names', () => {
    const dependencies = Object.fromEntries(
      Object.values(stacks).map((stack) => [
        stack.node.id,
        stack.dependencies.map((dependency: IConstruct) => dependency.node.id),
      ]),
    );
    expect(dependencies).toEqual({
      'search-domain': [],
      ingest: ['search-domain'],
      'dead-letter-report': ['search-domain'],
      'search-access': ['search-domain', 'ingest', 'dead-letter-report'],
      'search-content': ['search-domain', 'search-access'],
    });
  });

  it('admits to the domain the roles the other stacks really create, named without a Terraform reference', () => {
    const policy = onlyResourceOf(synthesize(stacks.searchAccess), 'aws_opensearch_domain_policy');
    const admitted = [...String(policy.access_policies).matchAll(/:role\/([a-z0-9-]+)/g)].map(
      (match) => match[1],
    );
    expect(admitted).toEqual([
      'sec-an-test-analytics-platform-search-setup',
      'sec-an-test-analytics-platform-ingest',
      'sec-an-test-analytics-platform-dead-letter-report',
    ]);
    expect(roleNames(stacks.searchDomain)).toContain(admitted[0]);
    expect(roleNames(stacks.ingest)).toContain(admitted[1]);
    expect(roleNames(stacks.deadLetterReport)).toContain(admitted[2]);
  });

  it("provisions the platform dashboards from the project's files", () => {
    const invocation = onlyResourceOf(synthesize(stacks.searchContent), 'aws_lambda_invocation');
    const { savedObjects } = JSON.parse(String(invocation.input)) as { savedObjects: { type: string }[] };
    expect(savedObjects.map(({ type }) => type)).toEqual(
      expect.arrayContaining(['index-pattern', 'visualization', 'dashboard']),
    );
  });

  it('passes the environment settings to the search domain', () => {
    const sized = build({ SEC_AN_SEARCH_INSTANCE_COUNT: '3', SEC_AN_SEARCH_VOLUME_GB: '100' });
    expect(onlyResourceOf(synthesize(sized.searchDomain), 'aws_opensearch_domain')).toMatchObject({
      cluster_config: { instance_count: 3, zone_awareness_config: { availability_zone_count: 3 } },
      ebs_options: { volume_size: 100 },
    });
  });
});
