import { describe, expect, it } from '@jest/globals';
import { type IConstruct, Testing } from '@sec-an/constructs/cdktf';
import { onlyResourceOf, publishedParameters, synthesize } from '@sec-an/constructs/testing';
import { buildTaskExecution } from './task-execution-app.ts';
import { taskExecutionSettingsFrom } from './task-execution-settings.ts';

const build = (environment: Record<string, string> = {}) =>
  buildTaskExecution(Testing.app(), { stage: 'test' }, taskExecutionSettingsFrom(environment));

describe('buildTaskExecution', () => {
  const stacks = build();

  it('builds the stacks of task-execution', () => {
    expect(Object.values(stacks).map((stack) => [stack.node.id, stack.naming.project])).toEqual([
      ['cluster', 'task-execution'],
      ['tables', 'task-execution'],
      ['search-content', 'task-execution'],
      ['scan-settings', 'task-execution'],
      ['scan-requests', 'task-execution'],
      ['dns-ingest', 'task-execution'],
      ['plan-and-initiate', 'task-execution'],
    ]);
  });

  it('deploys each stack after the stacks whose parameters it reads, and the writers after the templates', () => {
    const dependencies = Object.fromEntries(
      Object.values(stacks).map((stack) => [
        stack.node.id,
        stack.dependencies.map((dependency: IConstruct) => dependency.node.id),
      ]),
    );
    expect(dependencies).toEqual({
      cluster: [],
      tables: [],
      'search-content': ['tables'],
      'scan-settings': [],
      'scan-requests': [],
      'dns-ingest': ['tables', 'search-content', 'scan-settings'],
      'plan-and-initiate': ['tables', 'search-content', 'scan-settings', 'scan-requests', 'dns-ingest'],
    });
  });

  it('reads only parameters that an earlier stack of the project (or another project) publishes', () => {
    const published = new Map<string, string>();
    const order = Object.values(stacks);
    for (const stack of order) {
      const synthesized = synthesize(stack);
      const read = Object.values(synthesized.data?.aws_ssm_parameter ?? {}).map((parameter) =>
        String(parameter.name),
      );
      for (const name of read.filter((each) => each.startsWith('/sec-an/test/task-execution/'))) {
        const publisher = published.get(name);
        expect({ name, reader: stack.node.id, publishedBefore: publisher !== undefined }).toEqual({
          name,
          reader: stack.node.id,
          publishedBefore: true,
        });
        expect(stack.dependencies.map((dependency: IConstruct) => dependency.node.id)).toContain(publisher);
      }
      for (const name of Object.keys(publishedParameters(synthesized))) published.set(name, stack.node.id);
    }
  });

  it('passes the settings to the stacks', () => {
    const set = build({
      SEC_AN_PLAN_PERIOD_SECONDS: '43200',
      SEC_AN_PLAN_BUCKETS: '72',
      SEC_AN_DNS_INGEST_TIME: '06:45',
      SEC_AN_TABLE_DELETION_PROTECTION: 'false',
      SEC_AN_DNS_READER_ROLE_ARN: 'arn:aws:iam::111122223333:role/dns-reader',
    });
    expect(
      onlyResourceOf(synthesize(set.planAndInitiate), 'aws_cloudwatch_event_rule').schedule_expression,
    ).toBe('cron(0/10 * * * ? *)');
    expect(onlyResourceOf(synthesize(set.dnsIngest), 'aws_cloudwatch_event_rule').schedule_expression).toBe(
      'cron(45 6 * * ? *)',
    );
    expect(publishedParameters(synthesize(set.scanSettings))).toMatchObject({
      '/sec-an/test/task-execution/scan-plan/period-seconds': '43200',
      '/sec-an/test/task-execution/dns-reader/role-arn': 'arn:aws:iam::111122223333:role/dns-reader',
    });
    const invocation = onlyResourceOf(synthesize(set.searchContent), 'aws_lambda_invocation');
    expect(String(invocation.input)).toContain('now-43200s');
    expect(String(invocation.input)).not.toContain('now-86400s');
  });
});
