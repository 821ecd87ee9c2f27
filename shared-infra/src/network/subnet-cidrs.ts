/**
 * Subnet address ranges, computed at synth so that they are plain values a reviewer (and the local platform)
 * can read. Each subnet is a sixteenth of the VPC; public subnets take the first eight slots and private ones
 * the last eight, so changing the number of zones never moves an existing subnet.
 */
const subnetBits = 4;
const slotsPerTier = 8;
const ipv4Cidr = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

export const maxAvailabilityZones = slotsPerTier;

interface ParsedCidr {
  readonly address: number;
  readonly prefixLength: number;
}

const parseCidr = (cidr: string): ParsedCidr | undefined => {
  const match = ipv4Cidr.exec(cidr);
  if (match === null) return undefined;
  const octets = match.slice(1, 5).map(Number);
  if (octets.some((octet) => octet > 255)) return undefined;
  const address = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  return { address, prefixLength: Number(match[5]) };
};

/** A VPC between /16 (AWS's largest) and /24, so that each subnet is at least a /28 (AWS's smallest). */
export const validateVpcCidr = (cidr: string): string[] => {
  const parsed = parseCidr(cidr);
  if (parsed === undefined) return [`cidrBlock "${cidr}" is not an IPv4 CIDR block`];
  if (parsed.prefixLength < 16 || parsed.prefixLength > 24) {
    return [`cidrBlock "${cidr}" must be between /16 and /24`];
  }
  const hostBits = 32 - parsed.prefixLength;
  return parsed.address % 2 ** hostBits === 0 ? [] : [`cidrBlock "${cidr}" has host bits set`];
};

const formatAddress = (address: number): string =>
  [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');

const slotCidr = (vpcCidr: string, slot: number): string => {
  const parsed = parseCidr(vpcCidr);
  if (parsed === undefined) throw new Error(`cidrBlock "${vpcCidr}" is not an IPv4 CIDR block`);
  const prefixLength = parsed.prefixLength + subnetBits;
  return `${formatAddress(parsed.address + slot * 2 ** (32 - prefixLength))}/${prefixLength}`;
};

export const publicSubnetCidr = (vpcCidr: string, zoneIndex: number): string => slotCidr(vpcCidr, zoneIndex);

export const privateSubnetCidr = (vpcCidr: string, zoneIndex: number): string =>
  slotCidr(vpcCidr, slotsPerTier + zoneIndex);
