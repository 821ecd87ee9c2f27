import ipaddr from 'ipaddr.js';
import { refuseHostileText } from './hostile-text.ts';
import { TargetRejectedError } from './target-errors.ts';

export type AddressType = 'ipv4' | 'ipv6';

export interface TargetAddress {
  /** The canonical form (dotted decimal, or RFC 5952 IPv6), which nmap and the entity keys use. */
  readonly address: string;
  readonly addressType: AddressType;
}

/** The longest IPv6 text (an IPv4-mapped address written in full) is 45 characters. */
const maxAddressLength = 45;

/**
 * Ranges nmap would not scan as one host: the unspecified address (nmap takes it as this machine), broadcast
 * and multicast (many hosts answer). Loopback, private and documentation ranges stay scannable, subject to the
 * scope.
 */
const unscannableRanges = new Set(['unspecified', 'broadcast', 'multicast']);

const parsed = (text: string): ipaddr.IPv4 | ipaddr.IPv6 => {
  if (text.includes('/')) {
    throw new TargetRejectedError(
      'network-not-address',
      text,
      'a network (CIDR) is not one address; a scan request names one address',
    );
  }
  if (text.includes(':')) {
    // A zone (`fe80::1%eth0`) names an interface of the scanner's machine, not a target; refused by the text check.
    if (!ipaddr.IPv6.isValid(text)) {
      throw new TargetRejectedError('not-an-address', text, 'not an IPv6 address');
    }
    const address = ipaddr.IPv6.parse(text);
    return address.isIPv4MappedAddress() ? address.toIPv4Address() : address;
  }
  // Only dotted decimal: `0x7f.1`, `017.0.0.1` or `2130706433` would be read by nmap as some other address.
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) {
    throw new TargetRejectedError(
      'not-an-address',
      text,
      'not an IPv4 address in dotted decimal (four numbers 0-255 without leading zeros)',
    );
  }
  return ipaddr.IPv4.parse(text);
};

/** A scan target's address, parsed strictly and refused when it is not one scannable host address. */
export const parseTargetAddress = (value: unknown): TargetAddress => {
  const text = refuseHostileText(value, maxAddressLength, 'the address');
  const address = parsed(text);
  const range = address.range();
  if (unscannableRanges.has(range)) {
    throw new TargetRejectedError(
      'unscannable-address',
      text,
      `a ${range} address is not one host that can be scanned`,
    );
  }
  return { address: address.toString(), addressType: address.kind() };
};
