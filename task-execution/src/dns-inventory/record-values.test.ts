import { describe, expect, it } from '@jest/globals';
import { ipv4Address, ipv6Address } from './record-values.ts';

describe('record values', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    ['010.0.0.1', undefined],
    ['192.0.2', undefined],
    ['256.0.0.1', undefined],
    [' 192.0.2.1', undefined],
    ['2001:db8::1', undefined],
    ['not-an-ip', undefined],
  ])('IPv4 %s -> %s', (value, address) => {
    expect(ipv4Address(value)).toBe(address);
  });

  it.each([
    ['2001:DB8::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['fe80::1%eth0', undefined],
    ['192.0.2.1', undefined],
    ['2001:db8::g', undefined],
  ])('IPv6 %s -> %s', (value, address) => {
    expect(ipv6Address(value)).toBe(address);
  });
});
