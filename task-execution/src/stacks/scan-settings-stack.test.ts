import { describe, expect, it } from '@jest/globals';
import { Testing } from '@sec-an/constructs/cdktf';
import { publishedParameters, resourceWhere, synthesize } from '@sec-an/constructs/testing';
import { parseScanScope } from '@sec-an/runtime/scan-scope';
import { ScanSettingsStack, type ScanSettingsStackProps } from './scan-settings-stack.ts';
import { taskExecutionSettingsFrom } from './task-execution-settings.ts';

const defaults = taskExecutionSettingsFrom({});

const synthesizeSettings = (props: Partial<ScanSettingsStackProps> = {}) =>
  synthesize(new ScanSettingsStack(Testing.app(), 'scan-settings', { stage: 'test', ...defaults, ...props }));

const scopeName = '/sec-an/test/task-execution/scan-scope/definition';

describe('ScanSettingsStack', () => {
  it('deploys an empty scope, a day in 96 buckets and no reader role by default', () => {
    expect(publishedParameters(synthesizeSettings())).toEqual({
      [scopeName]: JSON.stringify({ allow: { cidrs: [], suffixes: [] }, deny: { cidrs: [], suffixes: [] } }),
      '/sec-an/test/task-execution/scan-plan/period-seconds': '86400',
      '/sec-an/test/task-execution/scan-plan/buckets': '96',
    });
  });

  it('writes the settings it is given, in the form the planner and the ingest read', () => {
    const settings = taskExecutionSettingsFrom({
      SEC_AN_SCAN_SCOPE: '{"allow":{"suffixes":["example.org."]},"deny":{"cidrs":["192.0.2.0/28"]}}',
      SEC_AN_PLAN_PERIOD_SECONDS: '3600',
      SEC_AN_PLAN_BUCKETS: '12',
      SEC_AN_DNS_READER_ROLE_ARN: 'arn:aws:iam::111122223333:role/a,arn:aws:iam::111122223333:role/b',
    });
    const published = publishedParameters(synthesizeSettings(settings));
    expect(published).toEqual({
      [scopeName]: expect.any(String),
      '/sec-an/test/task-execution/scan-plan/period-seconds': '3600',
      '/sec-an/test/task-execution/scan-plan/buckets': '12',
      '/sec-an/test/task-execution/dns-reader/role-arn':
        'arn:aws:iam::111122223333:role/a,arn:aws:iam::111122223333:role/b',
    });
    expect(parseScanScope(published[scopeName])).toEqual(
      parseScanScope('{"allow":{"suffixes":["example.org"]},"deny":{"cidrs":["192.0.2.0/28"]}}'),
    );
  });

  it('puts a scope too long for the standard tier in the advanced tier, and refuses one too long for either', () => {
    const cidrs = (count: number) => Array.from({ length: count }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
    const scopeParameter = (count: number) =>
      resourceWhere(
        synthesizeSettings({ scanScope: { allow: { cidrs: cidrs(count) } } }),
        'aws_ssm_parameter',
        (p) => p.name === scopeName,
      );
    expect(scopeParameter(100).tier).toBeUndefined();
    expect(scopeParameter(300).tier).toBe('Advanced');
    expect(() => scopeParameter(600)).toThrow(
      /the scan scope is \d+ characters of JSON; an SSM parameter holds at most 8192/,
    );
  });
});
