import type { Applier } from '../applier.ts';

/** The region and partition are the environment's; nothing to ask moto. */
export const readRegion: Applier = async (_config, { environment: { region } }) => ({
  id: region,
  name: region,
  region,
  description: region,
  endpoint: `ec2.${region}.amazonaws.com`,
});

export const readPartition: Applier = async (_config, { environment: { partition } }) => ({
  id: partition,
  partition,
  dns_suffix: 'amazonaws.com',
  reverse_dns_prefix: 'com.amazonaws',
});

/** Three zones, named as AWS and moto name them; the VPC that uses them is not applied locally anyway. */
export const readAvailabilityZones: Applier = async (_config, { environment: { region } }) => {
  const letters = ['a', 'b', 'c'];
  return {
    id: region,
    names: letters.map((letter) => `${region}${letter}`),
    zone_ids: letters.map((_letter, index) => `${region.replaceAll('-', '').slice(0, 4)}-az${index + 1}`),
    group_names: [region],
  };
};
