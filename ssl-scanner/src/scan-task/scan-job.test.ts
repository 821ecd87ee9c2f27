import { describe, expect, it } from '@jest/globals';
import { parseMessage } from '@sec-an/contracts/contract';
import { portFindingV1, portFindingV1Example } from '@sec-an/contracts/port-finding';
import { tlsScanRequestV1, tlsScanRequestV1Example } from '@sec-an/contracts/tls-scan-request';
import { scanJobOf } from './scan-job.ts';
import { NoScannableTargetError } from './target-errors.ts';

const finding = (change: Record<string, unknown> = {}) => ({
  contract: 'port-finding' as const,
  message: parseMessage(portFindingV1, { ...portFindingV1Example, ...change }),
});

const request = (target: Record<string, unknown>) => ({
  contract: 'tls-scan-request' as const,
  message: parseMessage(tlsScanRequestV1, {
    ...tlsScanRequestV1Example,
    target: { ...tlsScanRequestV1Example.target, ...target },
  }),
});

describe('scanJobOf', () => {
  it("takes a port finding's endpoint and names, under nmap's request", () => {
    expect(scanJobOf(finding())).toMatchObject({
      requestId: portFindingV1Example.requestId,
      endpoint: { address: '198.51.100.7', port: 443 },
      hosts: ['www.example.com'],
      input: { contract: 'port-finding' },
    });
  });

  it("takes a direct request's endpoint under its own id, the address in canonical form", () => {
    expect(scanJobOf(request({ address: '::ffff:198.51.100.9', port: 8443 }))).toMatchObject({
      requestId: tlsScanRequestV1Example.requestId,
      endpoint: { address: '198.51.100.9', port: 8443 },
      hosts: ['admin.example.com'],
    });
  });

  it.each([
    ['a UDP port', finding({ protocol: 'udp' }), 'scans TCP ports only'],
    ['a closed port', finding({ state: 'closed' }), 'the port is closed, not open'],
    ['a port that does not speak TLS', finding({ tls: false }), 'does not speak TLS by the finding'],
    ['port 0', finding({ port: 0 }), 'port 0 cannot be connected to'],
    ['the unspecified address', finding({ address: '0.0.0.0' }), 'is a unspecified address'],
    ['a multicast address', request({ address: 'ff02::1' }), 'is a multicast address'],
    ['the broadcast address', request({ address: '255.255.255.255' }), 'is a broadcast address'],
  ])('refuses %s, saying why', (_label, input, reason) => {
    expect(() => scanJobOf(input)).toThrow(NoScannableTargetError);
    expect(() => scanJobOf(input)).toThrow(reason);
  });
});
