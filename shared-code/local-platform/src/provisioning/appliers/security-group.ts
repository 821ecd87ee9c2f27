import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  type IpPermission,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  type SecurityGroup,
} from '@aws-sdk/client-ec2';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier } from '../applier.ts';
import type { ResourceConfig } from '../config.ts';
import { generatedName } from '../names.ts';
import { ec2Tags } from './vpc-network.ts';

/**
 * A security group is applied to moto's EC2 API, in the VPC it names, so that a task's network interface is
 * placed in a group that exists with the rules that were synthesized.
 */

const ec2 = () => awsClient(EC2Client);

/** Terraform's rule block -> EC2's permission. Protocol `-1` means every protocol and port. */
export const ipPermissionOf = (rule: ResourceConfig, groupId: string): IpPermission => {
  const protocol = rule.string('protocol');
  const everything = protocol === '-1' || protocol === 'all';
  const description = rule.optionalString('description');
  const withDescription = description === undefined || description === '' ? {} : { Description: description };
  const groups = [...rule.stringList('security_groups'), ...(rule.boolean('self', false) ? [groupId] : [])];
  return {
    IpProtocol: everything ? '-1' : protocol,
    ...(everything ? {} : { FromPort: rule.number('from_port', 0), ToPort: rule.number('to_port', 0) }),
    IpRanges: rule.stringList('cidr_blocks').map((CidrIp) => ({ CidrIp, ...withDescription })),
    Ipv6Ranges: rule.stringList('ipv6_cidr_blocks').map((CidrIpv6) => ({ CidrIpv6, ...withDescription })),
    UserIdGroupPairs: groups.map((GroupId) => ({ GroupId, ...withDescription })),
    PrefixListIds: rule.stringList('prefix_list_ids').map((PrefixListId) => ({ PrefixListId })),
  };
};

const existingGroup = async (vpcId: string, name: string): Promise<SecurityGroup | undefined> => {
  const { SecurityGroups = [] } = await ec2().send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: 'vpc-id', Values: [vpcId] },
        { Name: 'group-name', Values: [name] },
      ],
    }),
  );
  return SecurityGroups[0];
};

const createGroup = async (
  name: string,
  description: string,
  vpcId: string,
  tags: Record<string, string>,
): Promise<SecurityGroup> => {
  const { GroupId } = await ec2().send(
    new CreateSecurityGroupCommand({
      GroupName: name,
      Description: description,
      VpcId: vpcId,
      ...(Object.keys(tags).length === 0
        ? {}
        : { TagSpecifications: [{ ResourceType: 'security-group', Tags: ec2Tags(tags) }] }),
    }),
  );
  const created = await existingGroup(vpcId, name);
  if (created === undefined) throw new Error(`security group ${GroupId} vanished after it was created`);
  return created;
};

/** Rule ids, not permissions: a permission read back may not match itself on revoke (moto drops IPv6 ranges). */
const ruleIdsOf = async (groupId: string): Promise<{ egress: string[]; ingress: string[] }> => {
  const { SecurityGroupRules = [] } = await ec2().send(
    new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [groupId] }] }),
  );
  const ids = (egress: boolean) =>
    SecurityGroupRules.filter((rule) => rule.IsEgress === egress).flatMap((rule) =>
      rule.SecurityGroupRuleId === undefined ? [] : [rule.SecurityGroupRuleId],
    );
  return { egress: ids(true), ingress: ids(false) };
};

/**
 * Terraform makes a group's rules exactly the declared ones (removing the allow-all egress EC2 adds to a new
 * group), so whatever the group holds is revoked before the declared rules are authorized.
 */
const replaceRules = async (GroupId: string, config: ResourceConfig): Promise<void> => {
  const existing = await ruleIdsOf(GroupId);
  if (existing.egress.length > 0) {
    await ec2().send(
      new RevokeSecurityGroupEgressCommand({ GroupId, SecurityGroupRuleIds: existing.egress }),
    );
  }
  if (existing.ingress.length > 0) {
    await ec2().send(
      new RevokeSecurityGroupIngressCommand({ GroupId, SecurityGroupRuleIds: existing.ingress }),
    );
  }
  const egress = config.blocks('egress').map((rule) => ipPermissionOf(rule, GroupId));
  const ingress = config.blocks('ingress').map((rule) => ipPermissionOf(rule, GroupId));
  if (egress.length > 0) {
    await ec2().send(new AuthorizeSecurityGroupEgressCommand({ GroupId, IpPermissions: egress }));
  }
  if (ingress.length > 0) {
    await ec2().send(new AuthorizeSecurityGroupIngressCommand({ GroupId, IpPermissions: ingress }));
  }
};

export const applySecurityGroup: Applier = async (config, context) => {
  const vpcId = config.string('vpc_id');
  const name =
    config.optionalString('name') ?? generatedName(context.address, config.optionalString('name_prefix'));
  const description = config.optionalString('description') ?? 'Managed by Terraform';
  const tags = context.tagsOf(config);
  const existing = await existingGroup(vpcId, name);
  const group = existing ?? (await createGroup(name, description, vpcId, tags));
  const groupId = group.GroupId ?? '';
  if (existing !== undefined && Object.keys(tags).length > 0) {
    await ec2().send(new CreateTagsCommand({ Resources: [groupId], Tags: ec2Tags(tags) }));
  }
  await replaceRules(groupId, config);
  const { accountId, partition, region } = context.environment;
  return {
    ...config.values,
    id: groupId,
    name,
    arn: `arn:${partition}:ec2:${region}:${accountId}:security-group/${groupId}`,
    owner_id: accountId,
    tags_all: tags,
  };
};
