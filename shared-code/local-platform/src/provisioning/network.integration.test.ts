import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { ECSClient, RunTaskCommand } from '@aws-sdk/client-ecs';
import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter/index.js';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster/index.js';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition/index.js';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group/index.js';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { useCleanBackends } from '@sec-an/testing/backends';
import { repositoryRoot } from '../paths/index.ts';
import { allStacks, projectAt, synthesizeAll } from '../synth/index.ts';
import { provision } from './provision.ts';
import type { AppliedResource } from './provision-stack.ts';
import { publishedValue } from './published-value.ts';
import type { SynthesizedStack } from './stack-document.ts';
import { synthesizeStack } from './synthesized-stacks.ts';

useCleanBackends();

const ec2 = () => awsClient(EC2Client);
const stage = 'test';
const parameter = (thing: string, attribute: string) => `/sec-an/${stage}/shared-infra/${thing}/${attribute}`;

/** A group in the shared VPC that may only send, and a Fargate task definition placed in it. */
const taskStack = () =>
  synthesizeStack('network-probe', (stack) => {
    const vpcId = new DataAwsSsmParameter(stack, 'vpc-id', { name: parameter('vpc', 'id') }).value;
    new SecurityGroup(stack, 'scanner', {
      name: 'sec-an-test-network-probe-scanner',
      description: 'Scanner tasks: outbound only',
      vpcId,
      egress: [
        {
          protocol: '-1',
          fromPort: 0,
          toPort: 0,
          cidrBlocks: ['0.0.0.0/0'],
          ipv6CidrBlocks: ['::/0'],
          description: 'targets anywhere',
        },
      ],
      ingress: [],
    });
    new EcsCluster(stack, 'cluster', { name: 'sec-an-test-network-probe' });
    new EcsTaskDefinition(stack, 'scan', {
      family: 'sec-an-test-network-probe-scan',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: JSON.stringify([{ name: 'scan', image: 'scanner:1', command: ['true'] }]),
    });
  });

describe("shared-infra's network on moto's EC2 API", () => {
  let sharedInfra: readonly SynthesizedStack[];
  let resources: Record<string, AppliedResource>;

  beforeAll(async () => {
    const report = await synthesizeAll({
      projects: [projectAt(join(repositoryRoot, 'shared-infra'))],
      outdir: mkdtempSync(join(tmpdir(), 'sec-an-network-')),
      environment: { SEC_AN_STAGE: stage },
    });
    sharedInfra = allStacks(report);
    ({ resources } = await provision([...sharedInfra, taskStack()]));
  }, 180_000);

  it('creates the VPC with the CIDR block and DNS settings synthesized, under the id it publishes', async () => {
    const vpcId = publishedValue(resources, parameter('vpc', 'id'));
    const { Vpcs = [] } = await ec2().send(new DescribeVpcsCommand({ VpcIds: [vpcId] }));
    const hostnames = await ec2().send(
      new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsHostnames' }),
    );

    expect(Vpcs.map(({ CidrBlock }) => CidrBlock)).toEqual([
      publishedValue(resources, parameter('vpc', 'cidr')),
    ]);
    expect(Vpcs[0]?.Tags).toEqual(
      expect.arrayContaining([{ Key: 'Name', Value: `sec-an-${stage}-shared-infra-vpc` }]),
    );
    expect(hostnames.EnableDnsHostnames?.Value).toBe(true);
  });

  it('creates the public and private subnets it publishes, each in its zone and range', async () => {
    const vpcId = publishedValue(resources, parameter('vpc', 'id'));
    const published = ['public-subnets', 'private-subnets'].flatMap((thing) =>
      publishedValue(resources, parameter(thing, 'ids')).split(','),
    );
    const { Subnets = [] } = await ec2().send(new DescribeSubnetsCommand({ SubnetIds: published }));

    expect(Subnets.map(({ SubnetId }) => SubnetId).sort()).toEqual([...published].sort());
    expect(Subnets.every((subnet) => subnet.VpcId === vpcId && subnet.MapPublicIpOnLaunch === false)).toBe(
      true,
    );
    expect(Subnets.map(({ AvailabilityZone, CidrBlock }) => [AvailabilityZone, CidrBlock]).sort()).toEqual([
      ['eu-west-2a', expect.stringMatching(/^10\.0\./)],
      ['eu-west-2a', expect.stringMatching(/^10\.0\./)],
      ['eu-west-2b', expect.stringMatching(/^10\.0\./)],
      ['eu-west-2b', expect.stringMatching(/^10\.0\./)],
    ]);
  });

  it('creates a security group with exactly its declared rules: no ingress, and the egress it names', async () => {
    const { SecurityGroups = [] } = await ec2().send(
      new DescribeSecurityGroupsCommand({
        Filters: [{ Name: 'group-name', Values: ['sec-an-test-network-probe-scanner'] }],
      }),
    );

    expect(SecurityGroups).toHaveLength(1);
    expect(SecurityGroups[0]?.VpcId).toBe(publishedValue(resources, parameter('vpc', 'id')));
    expect(SecurityGroups[0]?.IpPermissions).toEqual([]);
    expect(SecurityGroups[0]?.IpPermissionsEgress).toEqual([
      expect.objectContaining({
        IpProtocol: '-1',
        IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'targets anywhere' }],
        Ipv6Ranges: [{ CidrIpv6: '::/0', Description: 'targets anywhere' }],
      }),
    ]);
  });

  it('lets RunTask place a Fargate task in a published subnet and the group', async () => {
    const [subnet] = publishedValue(resources, parameter('private-subnets', 'ids')).split(',');
    const group = Object.values(resources).find(({ type }) => type === 'aws_security_group');

    const { tasks = [], failures = [] } = await awsClient(ECSClient).send(
      new RunTaskCommand({
        cluster: 'sec-an-test-network-probe',
        taskDefinition: 'sec-an-test-network-probe-scan',
        launchType: 'FARGATE',
        networkConfiguration: {
          awsvpcConfiguration: { subnets: [subnet ?? ''], securityGroups: [String(group?.attributes.id)] },
        },
      }),
    );

    expect(failures).toEqual([]);
    expect(tasks[0]?.attachments?.[0]?.details).toEqual(
      expect.arrayContaining([{ name: 'subnetId', value: subnet }]),
    );
  });

  it('finds the same VPC, subnets and group on a second run instead of adding new ones', async () => {
    const again = await provision([...sharedInfra, taskStack()]);

    for (const name of [parameter('vpc', 'id'), parameter('private-subnets', 'ids')]) {
      expect(publishedValue(again.resources, name)).toBe(publishedValue(resources, name));
    }
    const { Vpcs = [] } = await ec2().send(
      new DescribeVpcsCommand({ Filters: [{ Name: 'cidr', Values: ['10.0.0.0/16'] }] }),
    );
    expect(Vpcs).toHaveLength(1);
    const { SecurityGroups = [] } = await ec2().send(
      new DescribeSecurityGroupsCommand({
        Filters: [{ Name: 'group-name', Values: ['sec-an-test-network-probe-scanner'] }],
      }),
    );
    expect(SecurityGroups.map((group) => group.IpPermissionsEgress?.length)).toEqual([1]);
  }, 120_000);
});
