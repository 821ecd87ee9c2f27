import ipaddr from 'ipaddr.js';

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/** A network of the scope: its address family, network address and prefix length, and how it was written. */
export interface Cidr {
  readonly network: IpAddress;
  readonly prefix: number;
  readonly text: string;
}

/** IPv4-mapped IPv6 addresses (`::ffff:192.0.2.1`) are the IPv4 address they carry: one address, one verdict. */
const unmapped = (address: IpAddress): IpAddress =>
  address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? (address as ipaddr.IPv6).toIPv4Address()
    : address;

/**
 * Parses an address written the usual way: dotted decimal IPv4 (no octal, hex or shortened forms, which the
 * parser would otherwise read as some other address) or IPv6 without a zone. Undefined when it is neither.
 */
export const parseAddress = (text: string): IpAddress | undefined => {
  if (text.includes(':')) {
    if (text.includes('%') || !ipaddr.IPv6.isValid(text)) return undefined;
    return unmapped(ipaddr.IPv6.parse(text));
  }
  return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text) : undefined;
};

const bitsOf = (address: IpAddress): number => (address.kind() === 'ipv4' ? 32 : 128);

const networkOf = (address: IpAddress, prefix: number): IpAddress => {
  const bytes = address.toByteArray().map((byte, i) => {
    const kept = Math.min(8, Math.max(0, prefix - i * 8));
    return byte & (0xff << (8 - kept)) & 0xff;
  });
  return ipaddr.fromByteArray(bytes);
};

/** Why a CIDR was refused, or the CIDR. A bare address is the network of that one address. */
export const parseCidr = (text: string): Cidr | string => {
  const slash = text.lastIndexOf('/');
  const addressText = slash === -1 ? text : text.slice(0, slash);
  const prefixText = slash === -1 ? undefined : text.slice(slash + 1);
  const written = parseAddress(addressText);
  if (written === undefined) return 'is not an IPv4 or IPv6 address or CIDR';
  // A mapped IPv6 network is an IPv4 network: its prefix counts from the 97th bit.
  const mappedBits = addressText.includes(':') && written.kind() === 'ipv4' ? 96 : 0;
  const maxPrefix = bitsOf(written) + mappedBits;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText))
    return 'has a prefix length that is not a number';
  const writtenPrefix = prefixText === undefined ? maxPrefix : Number(prefixText);
  if (writtenPrefix > maxPrefix) return `has a prefix length above ${maxPrefix}`;
  if (writtenPrefix < mappedBits) return 'is an IPv4-mapped network with a prefix length below 96';
  const prefix = writtenPrefix - mappedBits;
  const network = networkOf(written, prefix);
  if (network.toString() !== written.toString()) {
    return `has host bits set: the network would be ${network.toString()}/${prefix}`;
  }
  return { network, prefix, text };
};

export const cidrContains = (cidr: Cidr, address: IpAddress): boolean =>
  cidr.network.kind() === address.kind() && address.match(cidr.network, cidr.prefix);
