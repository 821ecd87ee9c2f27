import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../errors/index.ts';
import { emptyScanScopeDefinition, parseScanScope } from './index.ts';

const withAllow = (cidrs: string[], suffixes: string[] = []) => ({
  allow: { cidrs, suffixes },
  deny: { cidrs: [], suffixes: [] },
});

const refusal = (definition: unknown): string => {
  try {
    parseScanScope(definition);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('the definition was accepted');
};

describe('parsing a scan scope definition', () => {
  it('accepts the empty definition, as JSON text or value', () => {
    const empty = { allow: { cidrs: [], suffixes: [] }, deny: { cidrs: [], suffixes: [] } };
    expect(parseScanScope(emptyScanScopeDefinition)).toEqual(empty);
    expect(parseScanScope(JSON.stringify(emptyScanScopeDefinition))).toEqual(empty);
  });

  it('reads lists left out as empty', () => {
    const scope = parseScanScope({ allow: { suffixes: ['example.com'] } });
    expect(scope.allow.cidrs).toEqual([]);
    expect(scope.deny).toEqual({ cidrs: [], suffixes: [] });
  });

  it('normalises suffixes to lower case without the trailing dot', () => {
    expect(parseScanScope(withAllow([], ['Example.COM.', 'a_b.example.org'])).allow.suffixes).toEqual([
      'example.com',
      'a_b.example.org',
    ]);
  });

  it('reads IPv4-mapped IPv6 networks as IPv4 networks, and a bare address as its own network', () => {
    const { cidrs } = parseScanScope(
      withAllow(['::ffff:192.0.2.0/120', '::ffff:0:0/96', '198.51.100.7']),
    ).allow;
    expect(cidrs.map(({ network, prefix }) => `${network.toString()}/${prefix}`)).toEqual([
      '192.0.2.0/24',
      '0.0.0.0/0',
      '198.51.100.7/32',
    ]);
  });

  it('keeps IPv6 networks', () => {
    const { cidrs } = parseScanScope(withAllow(['2001:db8::/32', '2001:DB8:0:1::1'])).allow;
    expect(cidrs.map(({ network, prefix }) => `${network.kind()} ${network.toString()}/${prefix}`)).toEqual([
      'ipv6 2001:db8::/32',
      'ipv6 2001:db8:0:1::1/128',
    ]);
  });

  it.each([
    ['10.0.0.1/8', 'allow.cidrs[0] "10.0.0.1/8" has host bits set: the network would be 10.0.0.0/8'],
    [
      '2001:db8::1/32',
      'allow.cidrs[0] "2001:db8::1/32" has host bits set: the network would be 2001:db8::/32',
    ],
    ['10.0.0.0/33', 'allow.cidrs[0] "10.0.0.0/33" has a prefix length above 32'],
    ['2001:db8::/129', 'allow.cidrs[0] "2001:db8::/129" has a prefix length above 128'],
    ['10.0.0.0/x', 'allow.cidrs[0] "10.0.0.0/x" has a prefix length that is not a number'],
    ['10.0.0.0/', 'allow.cidrs[0] "10.0.0.0/" has a prefix length that is not a number'],
    ['010.0.0.0/8', 'allow.cidrs[0] "010.0.0.0/8" is not an IPv4 or IPv6 address or CIDR'],
    ['0x0a.0.0.0/8', 'allow.cidrs[0] "0x0a.0.0.0/8" is not an IPv4 or IPv6 address or CIDR'],
    ['10.1/16', 'allow.cidrs[0] "10.1/16" is not an IPv4 or IPv6 address or CIDR'],
    ['256.0.0.0/8', 'allow.cidrs[0] "256.0.0.0/8" is not an IPv4 or IPv6 address or CIDR'],
    ['fe80::1%eth0', 'allow.cidrs[0] "fe80::1%eth0" is not an IPv4 or IPv6 address or CIDR'],
    ['example.com', 'allow.cidrs[0] "example.com" is not an IPv4 or IPv6 address or CIDR'],
    [
      '::ffff:0:0/95',
      'allow.cidrs[0] "::ffff:0:0/95" is an IPv4-mapped network with a prefix length below 96',
    ],
  ])('refuses the CIDR %s, naming it', (cidr, message) => {
    expect(refusal(withAllow([cidr]))).toBe(`scan scope definition: ${message}`);
  });

  it.each([
    ['*.example.com', /write the domain itself \(example\.com\)/],
    ['.example.com', /write the domain itself \(example\.com\)/],
    ['', /is not a DNS name/],
    ['.', /is not a DNS name/],
    ['exa mple.com', /is not a DNS name/],
    ['-example.com', /is not a DNS name/],
    ['example..com', /is not a DNS name/],
    [`${'a'.repeat(64)}.com`, /is not a DNS name/],
  ])('refuses the suffix "%s", naming it', (suffix, message) => {
    const text = refusal({ deny: { suffixes: ['fine.example.com', suffix] } });
    expect(text).toContain(`deny.suffixes[1] "${suffix}"`);
    expect(text).toMatch(message);
  });

  it('names every bad entry at once', () => {
    expect(
      refusal({
        allow: { cidrs: ['10.0.0.0/8', 'nope'] },
        deny: { cidrs: ['1.2.3.4/40'], suffixes: ['*.x'] },
      }),
    ).toBe(
      'scan scope definition: allow.cidrs[1] "nope" is not an IPv4 or IPv6 address or CIDR; ' +
        'deny.cidrs[0] "1.2.3.4/40" has a prefix length above 32; ' +
        'deny.suffixes[0] "*.x" is written as a wildcard or with a leading dot; write the domain itself (x), ' +
        'which covers its subdomains',
    );
  });

  it('refuses unknown keys, wrong types and text that is not JSON', () => {
    expect(refusal({ allow: {}, denny: {} })).toMatch(/malformed.*denny/s);
    expect(refusal({ allow: { cidrs: '10.0.0.0/8' } })).toMatch(/malformed.*allow\.cidrs/s);
    expect(refusal({ allow: { suffix: ['example.com'] } })).toMatch(/malformed.*suffix/s);
    expect(refusal('{"allow": ')).toMatch(/is not JSON/);
    expect(refusal([])).toMatch(/malformed/);
  });
});
