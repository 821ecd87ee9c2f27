import {
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
  type Filter,
  ModifySubnetAttributeCommand,
  ModifyVpcAttributeCommand,
  type Tag,
} from '@aws-sdk/client-ec2';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier, ApplyContext } from '../applier.ts';
import type { ResourceConfig } from '../config.ts';

/**
 * The VPC and its subnets are applied to moto's EC2 API (not given placeholder ids) because moto's RunTask places
 * an awsvpc task's network interface in the subnet it is given, and refuses a subnet it does not know: with the
 * real ids published by the network stack, a Fargate task definition runs locally as it is synthesized.
 */

const ec2 = () => awsClient(EC2Client);

/**
 * A VPC has no name of its own, so a second `up` against the same moto finds the one it created by this tag,
 * which carries the resource's Terraform address. The only tag the local platform adds to anything.
 */
export const localAddressTag = 'sec-an:local-address';

export const ec2Tags = (tags: Readonly<Record<string, string>>): Tag[] =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

const byTag = (name: string, value: string): Filter => ({ Name: `tag:${name}`, Values: [value] });

const existingVpcId = async (address: string): Promise<string | undefined> => {
  const { Vpcs = [] } = await ec2().send(
    new DescribeVpcsCommand({ Filters: [byTag(localAddressTag, address)] }),
  );
  return Vpcs[0]?.VpcId;
};

const createVpc = async (config: ResourceConfig, context: ApplyContext): Promise<string> => {
  const tags = { ...context.tagsOf(config), [localAddressTag]: context.address };
  const tenancy = config.optionalString('instance_tenancy') as 'default' | 'dedicated' | undefined;
  const { Vpc } = await ec2().send(
    new CreateVpcCommand({
      CidrBlock: config.string('cidr_block'),
      ...(tenancy === undefined ? {} : { InstanceTenancy: tenancy }),
      TagSpecifications: [{ ResourceType: 'vpc', Tags: ec2Tags(tags) }],
    }),
  );
  return Vpc?.VpcId ?? '';
};

/** EC2 takes one VPC attribute per call. */
const setVpcAttributes = async (vpcId: string, config: ResourceConfig): Promise<void> => {
  await ec2().send(
    new ModifyVpcAttributeCommand({
      VpcId: vpcId,
      EnableDnsSupport: { Value: config.boolean('enable_dns_support', true) },
    }),
  );
  await ec2().send(
    new ModifyVpcAttributeCommand({
      VpcId: vpcId,
      EnableDnsHostnames: { Value: config.boolean('enable_dns_hostnames', false) },
    }),
  );
};

export const applyVpc: Applier = async (config, context) => {
  const vpcId = (await existingVpcId(context.address)) ?? (await createVpc(config, context));
  await setVpcAttributes(vpcId, config);
  const { accountId, partition, region } = context.environment;
  return {
    ...config.values,
    id: vpcId,
    arn: `arn:${partition}:ec2:${region}:${accountId}:vpc/${vpcId}`,
    owner_id: accountId,
    tags_all: context.tagsOf(config),
  };
};

/** A CIDR block is unique within its VPC, so it finds the subnet a previous run created. */
const existingSubnetId = async (vpcId: string, cidrBlock: string): Promise<string | undefined> => {
  const { Subnets = [] } = await ec2().send(
    new DescribeSubnetsCommand({
      Filters: [
        { Name: 'vpc-id', Values: [vpcId] },
        { Name: 'cidr-block', Values: [cidrBlock] },
      ],
    }),
  );
  return Subnets[0]?.SubnetId;
};

const createSubnet = async (
  config: ResourceConfig,
  vpcId: string,
  cidrBlock: string,
  tags: Record<string, string>,
): Promise<string> => {
  const zone = config.optionalString('availability_zone');
  const { Subnet } = await ec2().send(
    new CreateSubnetCommand({
      VpcId: vpcId,
      CidrBlock: cidrBlock,
      ...(zone === undefined ? {} : { AvailabilityZone: zone }),
      TagSpecifications: [{ ResourceType: 'subnet', Tags: ec2Tags(tags) }],
    }),
  );
  return Subnet?.SubnetId ?? '';
};

export const applySubnet: Applier = async (config, context) => {
  const vpcId = config.string('vpc_id');
  const cidrBlock = config.string('cidr_block');
  const tags = context.tagsOf(config);
  const existing = await existingSubnetId(vpcId, cidrBlock);
  const subnetId = existing ?? (await createSubnet(config, vpcId, cidrBlock, tags));
  if (existing !== undefined && Object.keys(tags).length > 0) {
    await ec2().send(new CreateTagsCommand({ Resources: [subnetId], Tags: ec2Tags(tags) }));
  }
  await ec2().send(
    new ModifySubnetAttributeCommand({
      SubnetId: subnetId,
      MapPublicIpOnLaunch: { Value: config.boolean('map_public_ip_on_launch', false) },
    }),
  );
  const { accountId, partition, region } = context.environment;
  return {
    ...config.values,
    id: subnetId,
    arn: `arn:${partition}:ec2:${region}:${accountId}:subnet/${subnetId}`,
    owner_id: accountId,
    tags_all: tags,
  };
};
