import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { taskExecutionSettingsFrom } from './task-execution-settings.ts';

describe('taskExecutionSettingsFrom', () => {
  // The planner's validation names the SSM parameters, whose names carry the stage, as a synth's do.
  const stage = process.env.SEC_AN_STAGE;
  beforeAll(() => {
    process.env.SEC_AN_STAGE = 'test';
  });
  afterAll(() => {
    if (stage === undefined) delete process.env.SEC_AN_STAGE;
    else process.env.SEC_AN_STAGE = stage;
  });

  it('puts nothing in scope, plans a day in 96 buckets, and protects the tables unless told otherwise', () => {
    expect(taskExecutionSettingsFrom({})).toEqual({
      scanScope: { allow: { cidrs: [], suffixes: [] }, deny: { cidrs: [], suffixes: [] } },
      plan: { periodSeconds: 86_400, buckets: 96, bucketSeconds: 900 },
      dnsReaderRoleArns: [],
      tableDeletionProtection: true,
      taskSubnetTier: 'public',
    });
  });

  it('reads every setting', () => {
    expect(
      taskExecutionSettingsFrom({
        SEC_AN_SCAN_SCOPE: '{"allow":{"cidrs":["192.0.2.0/24"]},"deny":{"suffixes":["corp.example.org"]}}',
        SEC_AN_PLAN_PERIOD_SECONDS: '43200',
        SEC_AN_PLAN_BUCKETS: ' 72 ',
        SEC_AN_DNS_INGEST_TIME: '06:45',
        SEC_AN_DNS_READER_ROLE_ARN:
          'arn:aws:iam::111122223333:role/dns-reader, arn:aws:iam::444455556666:role/dns-reader',
        SEC_AN_TABLE_DELETION_PROTECTION: 'false',
        SEC_AN_TASK_SUBNETS: 'public',
        SEC_AN_NAT_GATEWAYS: 'single',
      }),
    ).toEqual({
      scanScope: {
        allow: { cidrs: ['192.0.2.0/24'], suffixes: [] },
        deny: { cidrs: [], suffixes: ['corp.example.org'] },
      },
      plan: { periodSeconds: 43_200, buckets: 72, bucketSeconds: 600 },
      dnsIngestTime: { hour: 6, minute: 45 },
      dnsReaderRoleArns: [
        'arn:aws:iam::111122223333:role/dns-reader',
        'arn:aws:iam::444455556666:role/dns-reader',
      ],
      tableDeletionProtection: false,
      taskSubnetTier: 'public',
    });
  });

  it("runs tasks in private subnets when shared-infra's NAT gateways let them reach out", () => {
    expect(taskExecutionSettingsFrom({ SEC_AN_NAT_GATEWAYS: 'none' }).taskSubnetTier).toBe('public');
    expect(taskExecutionSettingsFrom({ SEC_AN_NAT_GATEWAYS: 'single' }).taskSubnetTier).toBe('private');
    expect(taskExecutionSettingsFrom({ SEC_AN_NAT_GATEWAYS: 'per-zone' }).taskSubnetTier).toBe('private');
    expect(taskExecutionSettingsFrom({ SEC_AN_TASK_SUBNETS: 'private' }).taskSubnetTier).toBe('private');
    expect(() => taskExecutionSettingsFrom({ SEC_AN_TASK_SUBNETS: 'dmz' })).toThrow(
      'SEC_AN_TASK_SUBNETS="dmz" is neither public nor private',
    );
  });

  it('refuses a scope the planner would refuse, naming the bad entry', () => {
    expect(() =>
      taskExecutionSettingsFrom({ SEC_AN_SCAN_SCOPE: '{"allow":{"cidrs":["192.0.2.0/33"]}}' }),
    ).toThrow(/SEC_AN_SCAN_SCOPE: allow\.cidrs\[0\] "192\.0\.2\.0\/33"/);
    expect(() => taskExecutionSettingsFrom({ SEC_AN_SCAN_SCOPE: '{"alow":{}}' })).toThrow(
      'SEC_AN_SCAN_SCOPE is malformed',
    );
  });

  it('refuses plan settings the planner would refuse', () => {
    expect(() => taskExecutionSettingsFrom({ SEC_AN_PLAN_BUCKETS: '48' })).toThrow(
      /SEC_AN_PLAN_PERIOD_SECONDS="86400", SEC_AN_PLAN_BUCKETS="48": .*buckets of 1800 s/,
    );
    expect(() => taskExecutionSettingsFrom({ SEC_AN_PLAN_PERIOD_SECONDS: '1.5' })).toThrow(
      /SEC_AN_PLAN_PERIOD_SECONDS="1.5".*must be a whole number of seconds/,
    );
  });

  it('refuses a bucket the initiator cannot be scheduled at the start of', () => {
    expect(() =>
      taskExecutionSettingsFrom({ SEC_AN_PLAN_PERIOD_SECONDS: '3500', SEC_AN_PLAN_BUCKETS: '50' }),
    ).toThrow(/SEC_AN_PLAN_BUCKETS="50": a bucket of 70 s cannot be scheduled at its start/);
    expect(() =>
      taskExecutionSettingsFrom({ SEC_AN_PLAN_PERIOD_SECONDS: '86400', SEC_AN_PLAN_BUCKETS: '206' }),
    ).toThrow(/SEC_AN_PLAN_BUCKETS="206"/);
  });

  it('refuses an ingest time, a role or a flag that is not one', () => {
    expect(() => taskExecutionSettingsFrom({ SEC_AN_DNS_INGEST_TIME: '24:00' })).toThrow(
      'SEC_AN_DNS_INGEST_TIME="24:00" is not a time of day in UTC as HH:MM',
    );
    expect(() => taskExecutionSettingsFrom({ SEC_AN_DNS_READER_ROLE_ARN: 'dns-reader' })).toThrow(
      'SEC_AN_DNS_READER_ROLE_ARN holds "dns-reader", which is not an IAM role ARN',
    );
    expect(() => taskExecutionSettingsFrom({ SEC_AN_TABLE_DELETION_PROTECTION: 'yes' })).toThrow(
      'SEC_AN_TABLE_DELETION_PROTECTION="yes" is neither true nor false',
    );
  });
});
