import { describe, expect, it } from '@jest/globals';
import { ContractViolationError, parseMessage } from '../contract/index.ts';
import { tlsScanRequestV1, tlsScanRequestV1Example } from './index.ts';

describe('the tls-scan-request contract', () => {
  it('derives the origin, address type and port as attributes', () => {
    const request = parseMessage(tlsScanRequestV1, tlsScanRequestV1Example);
    expect(tlsScanRequestV1.attributes(request)).toEqual({
      origin: 'on-demand',
      addressType: 'ipv4',
      port: 8443,
      contract: 'tls-scan-request',
      'contract-version': 1,
    });
    const ipv6 = { ...tlsScanRequestV1Example, target: { address: '2001:db8::7', port: 443, hosts: [] } };
    expect(tlsScanRequestV1.attributes(parseMessage(tlsScanRequestV1, ipv6)).addressType).toBe('ipv6');
  });

  it.each([
    ['a port of 0', { target: { ...tlsScanRequestV1Example.target, port: 0 } }, 'target.port'],
    ['a port out of range', { target: { ...tlsScanRequestV1Example.target, port: 65536 } }, 'target.port'],
    ['no port', { target: { address: '198.51.100.7', hosts: [] } }, 'target.port'],
    [
      'a name as the address',
      { target: { ...tlsScanRequestV1Example.target, address: 'a.example' } },
      'address',
    ],
    ['a host name with a space', { target: { ...tlsScanRequestV1Example.target, hosts: ['a b'] } }, 'hosts'],
    ['an unknown target field', { target: { ...tlsScanRequestV1Example.target, sni: 'x' } }, 'sni'],
    ['an unknown origin', { origin: 'cron' }, 'origin'],
  ])('refuses %s, naming the field', (_label, change, field) => {
    expect(() => parseMessage(tlsScanRequestV1, { ...tlsScanRequestV1Example, ...change })).toThrow(
      ContractViolationError,
    );
    expect(() => parseMessage(tlsScanRequestV1, { ...tlsScanRequestV1Example, ...change })).toThrow(field);
  });
});
