import ipaddr from 'ipaddr.js';

/** The two address families a host can resolve to, and the record type that holds each. */
export const families = ['ipv4', 'ipv6'] as const;
export type Family = (typeof families)[number];

export const recordTypeOf = { ipv4: 'A', ipv6: 'AAAA' } as const satisfies Record<Family, string>;

/**
 * An IPv4 address in dotted-quad form, or undefined. Leading zeros are refused: some readers take them for
 * octal, so such a value does not name one address.
 */
export const ipv4Address = (value: string): string | undefined =>
  ipaddr.IPv4.isValidFourPartDecimal(value) ? value : undefined;

/** An IPv6 address in its RFC 5952 form (so one address has one spelling), or undefined; zone ids refused. */
export const ipv6Address = (value: string): string | undefined =>
  !value.includes('%') && ipaddr.IPv6.isValid(value) ? ipaddr.IPv6.parse(value).toRFC5952String() : undefined;

export const addressOf = (family: Family, value: string): string | undefined =>
  family === 'ipv4' ? ipv4Address(value) : ipv6Address(value);

export const familyOfRecordType = (type: string): Family | undefined =>
  type === 'A' ? 'ipv4' : type === 'AAAA' ? 'ipv6' : undefined;
