import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  GetHostedZoneCommand,
  ListHostedZonesCommand,
  ListResourceRecordSetsCommand,
  ListTagsForResourceCommand as ListZoneTagsCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key/index.js';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record/index.js';
import { Route53Zone } from '@cdktf/provider-aws/lib/route53-zone/index.js';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter/index.js';
import { describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { useCleanBackends } from '@sec-an/testing/backends';
import { provision } from './provision.ts';
import { synthesizeStack } from './synthesized-stacks.ts';

useCleanBackends();

const logGroupName = '/sec-an/test/dns/worker';

const dnsStack = () =>
  synthesizeStack('dns', (stack) => {
    const key = new KmsKey(stack, 'key', { description: 'logs', enableKeyRotation: true });
    const zone = new Route53Zone(stack, 'zone', { name: 'scan.example.test', tags: { purpose: 'scans' } });
    new Route53Record(stack, 'api', {
      zoneId: zone.zoneId,
      name: 'api.scan.example.test',
      type: 'A',
      ttl: 300,
      records: ['192.0.2.10'],
    });
    new Route53Record(stack, 'verification', {
      zoneId: zone.zoneId,
      name: 'scan.example.test',
      type: 'TXT',
      ttl: 60,
      records: ['sec-an-verification=1'],
    });
    new Route53Record(stack, 'www', {
      zoneId: zone.zoneId,
      name: 'www.scan.example.test',
      type: 'A',
      alias: { name: 'api.scan.example.test', zoneId: zone.zoneId, evaluateTargetHealth: false },
    });
    const group = new CloudwatchLogGroup(stack, 'worker-logs', {
      name: logGroupName,
      retentionInDays: 14,
      kmsKeyId: key.arn,
      tags: { function: 'worker' },
    });
    new SsmParameter(stack, 'zone-facts', {
      name: '/sec-an/test/dns/facts',
      type: 'String',
      value: `${zone.zoneId} ${zone.arn} ${group.arn}`,
    });
  });

describe('provisioning hosted zones, records and log groups', () => {
  it('creates the zone with its tags and resolves its id, ARN and name servers', async () => {
    const { resources, deployment } = await provision([dnsStack()]);

    const zone = resources['dns/main/aws_route53_zone.zone']?.attributes;
    const zoneId = String(zone?.zone_id);
    expect(zoneId).not.toContain('/');
    const { HostedZone, DelegationSet } = await awsClient(Route53Client).send(
      new GetHostedZoneCommand({ Id: zoneId }),
    );
    expect(HostedZone?.Name).toBe('scan.example.test.');
    expect(zone).toMatchObject({
      id: zoneId,
      name: 'scan.example.test',
      arn: `arn:aws:route53:::hostedzone/${zoneId}`,
      name_servers: DelegationSet?.NameServers,
    });
    expect(DelegationSet?.NameServers?.length).toBeGreaterThan(0);
    const { ResourceTagSet } = await awsClient(Route53Client).send(
      new ListZoneTagsCommand({ ResourceType: 'hostedzone', ResourceId: zoneId }),
    );
    expect(ResourceTagSet?.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'purpose', Value: 'scans' },
        { Key: 'project', Value: 'dns' },
      ]),
    );
    expect(resources['dns/main/aws_ssm_parameter.zone-facts']?.attributes.value).toBe(
      `${zoneId} arn:aws:route53:::hostedzone/${zoneId} arn:aws:logs:eu-west-2:123456789012:log-group:${logGroupName}`,
    );
    expect(deployment.unapplied).toEqual([
      {
        address: 'dns/main/aws_kms_key.key',
        type: 'aws_kms_key',
        reason: 'resource type not emulated locally',
      },
    ]);
  });

  it('upserts plain and alias records, quoting TXT values, and a second run converges', async () => {
    await provision([dnsStack()]);
    const { resources } = await provision([dnsStack()]);

    const zoneId = String(resources['dns/main/aws_route53_zone.zone']?.attributes.zone_id);
    const { HostedZones } = await awsClient(Route53Client).send(new ListHostedZonesCommand({}));
    expect(HostedZones?.map(({ Name }) => Name)).toEqual(['scan.example.test.']);
    expect(resources['dns/main/aws_route53_record.api']?.attributes.id).toBe(
      `${zoneId}_api.scan.example.test_A`,
    );
    const { ResourceRecordSets = [] } = await awsClient(Route53Client).send(
      new ListResourceRecordSetsCommand({ HostedZoneId: zoneId }),
    );
    const set = (name: string, type: string) =>
      ResourceRecordSets.filter((r) => r.Name === name && r.Type === type);
    expect(set('api.scan.example.test.', 'A')).toEqual([
      expect.objectContaining({ TTL: 300, ResourceRecords: [{ Value: '192.0.2.10' }] }),
    ]);
    expect(set('scan.example.test.', 'TXT')).toEqual([
      expect.objectContaining({ TTL: 60, ResourceRecords: [{ Value: '"sec-an-verification=1"' }] }),
    ]);
    expect(set('www.scan.example.test.', 'A')).toEqual([
      expect.objectContaining({
        AliasTarget: expect.objectContaining({ DNSName: 'api.scan.example.test', HostedZoneId: zoneId }),
      }),
    ]);
  });

  it('creates the log group with its retention and tags, without the placeholder key', async () => {
    const { resources } = await provision([dnsStack()]);

    const logs = awsClient(CloudWatchLogsClient);
    const { logGroups = [] } = await logs.send(
      new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroupName }),
    );
    expect(logGroups).toEqual([expect.objectContaining({ logGroupName, retentionInDays: 14 })]);
    expect(logGroups[0]?.kmsKeyId).toBeUndefined();
    const arn = resources['dns/main/aws_cloudwatch_log_group.worker-logs']?.attributes.arn;
    expect(arn).toBe(`arn:aws:logs:eu-west-2:123456789012:log-group:${logGroupName}`);
    const { tags } = await logs.send(new ListTagsForResourceCommand({ resourceArn: String(arn) }));
    expect(tags).toMatchObject({ function: 'worker', project: 'dns' });
  });
});
