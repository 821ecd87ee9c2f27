import { maxAvailabilityZones, validateVpcCidr } from './subnet-cidrs.ts';

/**
 * `none`: private subnets reach nothing outside the VPC (no hourly NAT charge). `single`: one NAT gateway in the
 * first zone, cheap but a single point of failure. `per-zone`: one per zone, so a zone outage cuts off only its
 * own subnets.
 */
export type NatGateways = 'none' | 'single' | 'per-zone';

export const natGatewayChoices: readonly NatGateways[] = ['none', 'single', 'per-zone'];

export interface NetworkProps {
  /** How many availability zones get a public and a private subnet. Default: 2, or as many as named. */
  readonly availabilityZoneCount?: number;
  /**
   * The zones, by name. Default: the region's first zones by letter (`{region}a`, `{region}b`, ...), one per
   * `availabilityZoneCount`. Name them where the region (or the account's zone mapping) lacks zone `a`.
   */
  readonly availabilityZoneNames?: readonly string[];
  /** The VPC's IPv4 range, /16 to /24. Default: `10.0.0.0/16`. */
  readonly cidrBlock?: string;
  /** NAT gateways for the private subnets' outbound traffic. Default: `none`. */
  readonly natGateways?: NatGateways;
}

export const defaultNetwork = {
  availabilityZoneCount: 2,
  cidrBlock: '10.0.0.0/16',
  natGateways: 'none',
} as const;

export interface ResolvedNetwork {
  /** Sorted, as the availability zones data source returns them, so that index `i` is the same zone in both. */
  readonly availabilityZoneNames: readonly string[];
  readonly cidrBlock: string;
  readonly natGateways: NatGateways;
}

const zoneLetters = 'abcdefgh';

const zoneNamesOf = (props: NetworkProps, region: string): string[] => {
  if (props.availabilityZoneNames !== undefined) return [...props.availabilityZoneNames].sort();
  const count = props.availabilityZoneCount ?? defaultNetwork.availabilityZoneCount;
  return [...zoneLetters.slice(0, count)].map((letter) => `${region}${letter}`);
};

export const resolveNetworkProps = (props: NetworkProps, region: string): ResolvedNetwork => ({
  availabilityZoneNames: zoneNamesOf(props, region),
  cidrBlock: props.cidrBlock ?? defaultNetwork.cidrBlock,
  natGateways: props.natGateways ?? defaultNetwork.natGateways,
});

const validateZones = (props: NetworkProps, region: string): string[] => {
  const count = props.availabilityZoneCount ?? props.availabilityZoneNames?.length ?? 2;
  const names = props.availabilityZoneNames ?? [];
  return [
    ...(Number.isInteger(count) && count >= 1 && count <= maxAvailabilityZones
      ? []
      : [`availabilityZoneCount must be a whole number in 1..${maxAvailabilityZones}`]),
    ...(props.availabilityZoneNames !== undefined && count !== names.length
      ? [`availabilityZoneCount ${count} does not match the ${names.length} zones named`]
      : []),
    ...names
      .filter((name) => !new RegExp(`^${region}[a-z]$`).test(name))
      .map((name) => `availability zone "${name}" is not a zone of ${region}`),
    ...(new Set(names).size === names.length ? [] : ['availabilityZoneNames names a zone twice']),
  ];
};

export const validateNetworkProps = (props: NetworkProps, region: string): string[] => {
  const resolved = resolveNetworkProps(props, region);
  return [
    ...validateZones(props, region),
    ...validateVpcCidr(resolved.cidrBlock),
    ...(natGatewayChoices.includes(resolved.natGateways)
      ? []
      : [`natGateways must be one of ${natGatewayChoices.join(', ')}`]),
  ];
};
