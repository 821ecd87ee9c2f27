import type { AwsVpcConfiguration } from '@aws-sdk/client-ecs';
import { ConfigurationError } from '@sec-an/runtime/errors';
import { parameterName, readParameter } from '@sec-an/runtime/parameters';
import {
  type SubnetTier,
  subnetIdsParameter,
  subnetTiers,
  taskSubnetTierParameter,
} from './task-settings.ts';

const isTier = (value: string): value is SubnetTier => (subnetTiers as readonly string[]).includes(value);

/** The published tier, refused loudly when it is anything else: a guess could put tasks where nothing routes. */
export const subnetTierOf = (value: string): SubnetTier => {
  const tier = value.trim();
  if (!isTier(tier)) {
    throw new ConfigurationError(
      `SSM parameter ${parameterName(taskSubnetTierParameter)} is "${value}"; it must be one of ${subnetTiers.join(', ')}`,
    );
  }
  return tier;
};

export const subnetIdsOf = (tier: SubnetTier, value: string): string[] => {
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0) {
    throw new ConfigurationError(`SSM parameter ${parameterName(subnetIdsParameter(tier))} lists no subnet`);
  }
  return ids;
};

/**
 * Where a task's network interface goes, read at call time: the tier task-execution publishes and shared-infra's
 * subnets of that tier. Private subnets reach targets through NAT; public ones need the task's own public
 * address (its security group admits nothing inbound, so the address only lets it reach out).
 */
export const taskNetwork = async (securityGroupId: string): Promise<AwsVpcConfiguration> => {
  const tier = subnetTierOf(await readParameter(taskSubnetTierParameter));
  const subnets = subnetIdsOf(tier, await readParameter(subnetIdsParameter(tier)));
  return {
    subnets,
    securityGroups: [securityGroupId],
    assignPublicIp: tier === 'public' ? 'ENABLED' : 'DISABLED',
  };
};
