import { describe, expect, it } from '@jest/globals';
import { parseScanScope, type ScanScopeDefinition, scopeVerdict } from './index.ts';

const verdict = (definition: ScanScopeDefinition, address: string, hosts: string[] = []) =>
  scopeVerdict(parseScanScope(definition), { address, hosts });

const estate: ScanScopeDefinition = {
  allow: { cidrs: ['198.51.100.0/24', '2001:db8::/48'], suffixes: ['example.com'] },
  deny: { cidrs: ['198.51.100.128/25', '2001:db8:0:ff::/64'], suffixes: ['internal.example.com'] },
};

describe('the scope verdict', () => {
  it('puts nothing in scope while the allow-list is empty', () => {
    expect(verdict({}, '198.51.100.1', ['www.example.com'])).toEqual({
      inScope: false,
      reason: 'the allow-list is empty',
    });
  });

  it('allows an address in an allow CIDR, naming it', () => {
    expect(verdict(estate, '198.51.100.5')).toEqual({
      inScope: true,
      reason: 'address is in allow CIDR 198.51.100.0/24',
    });
  });

  it('allows an address by one of its hosts under an allow suffix, whatever its case and trailing dot', () => {
    expect(verdict(estate, '203.0.113.9', ['other.net', 'WWW.Example.COM.'])).toEqual({
      inScope: true,
      reason: 'host www.example.com is under allow suffix example.com',
    });
    expect(verdict(estate, '203.0.113.9', ['example.com']).inScope).toBe(true);
  });

  it('refuses what no allow rule covers', () => {
    expect(verdict(estate, '203.0.113.9', ['www.example.net'])).toEqual({
      inScope: false,
      reason: 'no allow CIDR contains the address and no host is under an allow suffix',
    });
  });

  it('matches suffixes on a label boundary only', () => {
    expect(verdict(estate, '203.0.113.9', ['badexample.com']).inScope).toBe(false);
    expect(verdict(estate, '203.0.113.9', ['example.com.evil.net']).inScope).toBe(false);
    expect(verdict(estate, '203.0.113.9', ['xample.com']).inScope).toBe(false);
    expect(verdict(estate, '203.0.113.9', ['a.b.example.com']).inScope).toBe(true);
    expect(verdict(estate, '203.0.113.9', ['*.example.com']).inScope).toBe(true);
  });

  it('lets a deny CIDR win over an allow CIDR and an allowed host', () => {
    expect(verdict(estate, '198.51.100.200', ['www.example.com'])).toEqual({
      inScope: false,
      reason: 'address is in deny CIDR 198.51.100.128/25',
    });
  });

  it('lets any host under a deny suffix win, even when another host or the address is allowed', () => {
    expect(verdict(estate, '198.51.100.5', ['www.example.com', 'DB.Internal.Example.com.'])).toEqual({
      inScope: false,
      reason: 'host db.internal.example.com is under deny suffix internal.example.com',
    });
    expect(verdict(estate, '198.51.100.5', ['internal.example.com']).inScope).toBe(false);
    expect(verdict(estate, '198.51.100.5', ['notinternal.example.com']).inScope).toBe(true);
  });

  it('includes both ends of a CIDR and nothing beyond', () => {
    const edge: ScanScopeDefinition = { allow: { cidrs: ['192.0.2.64/26', '2001:db8::/127'] } };
    expect(verdict(edge, '192.0.2.63').inScope).toBe(false);
    expect(verdict(edge, '192.0.2.64').inScope).toBe(true);
    expect(verdict(edge, '192.0.2.127').inScope).toBe(true);
    expect(verdict(edge, '192.0.2.128').inScope).toBe(false);
    expect(verdict(edge, '2001:db8::1').inScope).toBe(true);
    expect(verdict(edge, '2001:db8::2').inScope).toBe(false);
  });

  it('judges IPv6 addresses in any spelling', () => {
    expect(verdict(estate, '2001:DB8:0:1:0:0:0:1')).toEqual({
      inScope: true,
      reason: 'address is in allow CIDR 2001:db8::/48',
    });
    expect(verdict(estate, '2001:db8:0:ff::10').reason).toBe('address is in deny CIDR 2001:db8:0:ff::/64');
    expect(verdict(estate, '2001:db8:1::1').inScope).toBe(false);
  });

  it('judges an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    expect(verdict(estate, '::ffff:198.51.100.5').reason).toBe('address is in allow CIDR 198.51.100.0/24');
    expect(verdict(estate, '::ffff:c633:64c8').reason).toBe('address is in deny CIDR 198.51.100.128/25');
    expect(verdict({ allow: { cidrs: ['::ffff:198.51.100.0/120'] } }, '198.51.100.1').inScope).toBe(true);
  });

  it('does not let an IPv6 network cover IPv4 addresses, nor the reverse', () => {
    expect(verdict({ allow: { cidrs: ['::/0'] } }, '198.51.100.1').inScope).toBe(false);
    expect(verdict({ allow: { cidrs: ['0.0.0.0/0'] } }, '2001:db8::1').inScope).toBe(false);
  });

  it('refuses a target that is not an IP address, even when its host is allowed', () => {
    expect(verdict(estate, 'www.example.com', ['www.example.com'])).toEqual({
      inScope: false,
      reason: '"www.example.com" is not an IP address',
    });
    expect(verdict({ allow: { cidrs: ['10.0.0.0/8'] } }, '012.0.0.1').inScope).toBe(false);
  });
});
