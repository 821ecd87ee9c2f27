import { describe, expect, it } from '@jest/globals';
import { Testing } from '@sec-an/constructs/cdktf';
import {
  allGrantedStatements,
  onlyResourceOf,
  publishedParameters,
  referencedParameter,
  refTo,
  resourcesOf,
  resourceWhere,
  type SynthesizedStack,
  starGrants,
  synthesize,
} from '@sec-an/constructs/testing';
import type { NetworkProps } from '../network/network-props.ts';
import { testDeployment } from '../testing/synthesized.ts';
import { NetworkStack } from './network-stack.ts';

const synthesizeNetwork = (props: NetworkProps = {}): SynthesizedStack =>
  synthesize(new NetworkStack(Testing.app(), 'network', { ...testDeployment, ...props }));

const subnetsOf = (synthesized: SynthesizedStack, tier: 'public' | 'private'): Record<string, unknown>[] =>
  Object.values(resourcesOf(synthesized, 'aws_subnet')).filter(
    (subnet) => (subnet.tags as Record<string, string>).tier === tier,
  );

const zonesRef = '${data.aws_availability_zones.zones.names';

describe('NetworkStack', () => {
  it('pins two zones of the region by name by default', () => {
    expect(synthesizeNetwork().data?.aws_availability_zones).toEqual({
      zones: { filter: [{ name: 'zone-name', values: ['eu-west-2a', 'eu-west-2b'] }] },
    });
  });

  it('puts a public and a private subnet in each zone, none giving out public addresses', () => {
    const synthesized = synthesizeNetwork();
    const vpcId = refTo(synthesized, 'aws_vpc', 'id');
    const summary = (subnet: Record<string, unknown>) => ({
      availability_zone: subnet.availability_zone,
      cidr_block: subnet.cidr_block,
      map_public_ip_on_launch: subnet.map_public_ip_on_launch,
      vpc_id: subnet.vpc_id,
    });
    expect(subnetsOf(synthesized, 'public').map(summary)).toEqual([
      {
        availability_zone: `${zonesRef}.0}`,
        cidr_block: '10.0.0.0/20',
        map_public_ip_on_launch: false,
        vpc_id: vpcId,
      },
      {
        availability_zone: `${zonesRef}.1}`,
        cidr_block: '10.0.16.0/20',
        map_public_ip_on_launch: false,
        vpc_id: vpcId,
      },
    ]);
    expect(subnetsOf(synthesized, 'private').map(summary)).toEqual([
      {
        availability_zone: `${zonesRef}.0}`,
        cidr_block: '10.0.128.0/20',
        map_public_ip_on_launch: false,
        vpc_id: vpcId,
      },
      {
        availability_zone: `${zonesRef}.1}`,
        cidr_block: '10.0.144.0/20',
        map_public_ip_on_launch: false,
        vpc_id: vpcId,
      },
    ]);
  });

  it('spreads over as many zones as asked', () => {
    const synthesized = synthesizeNetwork({ availabilityZoneCount: 3, cidrBlock: '172.16.0.0/20' });
    expect(subnetsOf(synthesized, 'public')).toHaveLength(3);
    expect(subnetsOf(synthesized, 'private').map((subnet) => subnet.cidr_block)).toEqual([
      '172.16.8.0/24',
      '172.16.9.0/24',
      '172.16.10.0/24',
    ]);
    expect(onlyResourceOf(synthesized, 'aws_vpc').cidr_block).toBe('172.16.0.0/20');
  });

  it('uses the zones it is given, in the order the data source returns them', () => {
    const synthesized = synthesizeNetwork({ availabilityZoneNames: ['eu-west-2c', 'eu-west-2b'] });
    expect(synthesized.data?.aws_availability_zones?.zones?.filter).toEqual([
      { name: 'zone-name', values: ['eu-west-2b', 'eu-west-2c'] },
    ]);
  });

  it('routes public subnets to the internet gateway', () => {
    const synthesized = synthesizeNetwork();
    const publicTable = refTo(synthesized, 'aws_route_table', 'id', (table) =>
      String((table.tags as Record<string, string>).Name).endsWith('-public'),
    );
    expect(
      resourceWhere(synthesized, 'aws_route', (route) => route.route_table_id === publicTable),
    ).toMatchObject({
      destination_cidr_block: '0.0.0.0/0',
      gateway_id: refTo(synthesized, 'aws_internet_gateway', 'id'),
    });
    const associated = Object.values(resourcesOf(synthesized, 'aws_route_table_association'))
      .filter((association) => association.route_table_id === publicTable)
      .map((association) => association.subnet_id);
    expect(associated).toHaveLength(2);
  });

  it('has no NAT gateway and no way out of the private subnets by default', () => {
    const synthesized = synthesizeNetwork();
    expect(resourcesOf(synthesized, 'aws_nat_gateway')).toEqual({});
    expect(resourcesOf(synthesized, 'aws_eip')).toEqual({});
    expect(Object.values(resourcesOf(synthesized, 'aws_route'))).toHaveLength(1);
    expect(Object.values(resourcesOf(synthesized, 'aws_route_table'))).toHaveLength(3);
  });

  it('routes every private subnet through one NAT gateway when asked for a single one', () => {
    const synthesized = synthesizeNetwork({ natGateways: 'single' });
    const nat = refTo(synthesized, 'aws_nat_gateway', 'id');
    const natRoutes = Object.values(resourcesOf(synthesized, 'aws_route')).filter(
      (route) => 'nat_gateway_id' in route,
    );
    expect(natRoutes.map((route) => route.nat_gateway_id)).toEqual([nat, nat]);
    expect(onlyResourceOf(synthesized, 'aws_nat_gateway').subnet_id).toBe(
      refTo(synthesized, 'aws_subnet', 'id', (subnet) => subnet.cidr_block === '10.0.0.0/20'),
    );
    expect(onlyResourceOf(synthesized, 'aws_eip').domain).toBe('vpc');
  });

  it('gives each zone its own NAT gateway when asked', () => {
    const synthesized = synthesizeNetwork({ natGateways: 'per-zone' });
    const natGateways = Object.keys(resourcesOf(synthesized, 'aws_nat_gateway'));
    expect(natGateways).toHaveLength(2);
    expect(Object.keys(resourcesOf(synthesized, 'aws_eip'))).toHaveLength(2);
    const natRoutes = Object.values(resourcesOf(synthesized, 'aws_route')).filter(
      (route) => 'nat_gateway_id' in route,
    );
    expect(new Set(natRoutes.map((route) => route.nat_gateway_id)).size).toBe(2);
  });

  it('strips every rule from the default security group', () => {
    expect(onlyResourceOf(synthesizeNetwork(), 'aws_default_security_group')).toMatchObject({
      ingress: [],
      egress: [],
    });
  });

  it('logs every flow into an encrypted log group kept a year', () => {
    const synthesized = synthesizeNetwork();
    const logGroup = onlyResourceOf(synthesized, 'aws_cloudwatch_log_group');
    expect(logGroup).toEqual({
      name: '/sec-an/test/shared-infra/vpc-flow-logs',
      retention_in_days: 365,
      kms_key_id: referencedParameter(synthesized, '/sec-an/test/shared-infra/log-key/arn'),
    });
    expect(onlyResourceOf(synthesized, 'aws_flow_log')).toMatchObject({
      vpc_id: refTo(synthesized, 'aws_vpc', 'id'),
      traffic_type: 'ALL',
      log_destination_type: 'cloud-watch-logs',
      log_destination: refTo(synthesized, 'aws_cloudwatch_log_group', 'arn'),
      iam_role_arn: refTo(synthesized, 'aws_iam_role', 'arn'),
    });
  });

  it('lets the flow-log role write into its log group and nowhere else', () => {
    const synthesized = synthesizeNetwork();
    const trust = JSON.parse(onlyResourceOf(synthesized, 'aws_iam_role').assume_role_policy as string);
    expect(trust.Statement[0].Principal).toEqual({ Service: 'vpc-flow-logs.amazonaws.com' });
    const statements = allGrantedStatements(synthesized);
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        Resource: [`${refTo(synthesized, 'aws_cloudwatch_log_group', 'arn')}:*`],
      },
    ]);
    expect(starGrants(statements)).toEqual([]);
  });

  it('publishes the VPC, its zones, subnets and private route tables', () => {
    const synthesized = synthesizeNetwork();
    const published = publishedParameters(synthesized);
    const subnetIds = (tier: string) =>
      Object.entries(resourcesOf(synthesized, 'aws_subnet'))
        .filter(([, subnet]) => (subnet.tags as Record<string, string>).tier === tier)
        .map(([id]) => `aws_subnet.${id}.id`)
        .join(', ');
    expect(published).toEqual({
      '/sec-an/test/shared-infra/vpc/id': refTo(synthesized, 'aws_vpc', 'id'),
      '/sec-an/test/shared-infra/vpc/cidr': refTo(synthesized, 'aws_vpc', 'cidr_block'),
      '/sec-an/test/shared-infra/availability-zones/names': expect.stringContaining('names.1'),
      '/sec-an/test/shared-infra/public-subnets/ids': `\${join(",", [${subnetIds('public')}])}`,
      '/sec-an/test/shared-infra/private-subnets/ids': `\${join(",", [${subnetIds('private')}])}`,
      '/sec-an/test/shared-infra/private-route-tables/ids': expect.stringContaining('aws_route_table.'),
    });
  });

  it.each<[string, NetworkProps, string]>([
    ['no zone', { availabilityZoneCount: 0 }, 'availabilityZoneCount must be a whole number in 1..8'],
    ['more zones than subnet slots', { availabilityZoneCount: 9 }, 'in 1..8'],
    ['a zone of another region', { availabilityZoneNames: ['us-east-1a'] }, 'is not a zone of eu-west-2'],
    [
      'a count that contradicts the names',
      { availabilityZoneCount: 3, availabilityZoneNames: ['eu-west-2a'] },
      'does not match the 1 zones named',
    ],
    ['an unaligned range', { cidrBlock: '10.0.0.1/16' }, 'has host bits set'],
    ['an unknown NAT choice', { natGateways: 'many' as never }, 'natGateways must be one of'],
  ])('refuses %s', (_, props, message) => {
    expect(() => synthesizeNetwork(props)).toThrow(message);
  });
});
