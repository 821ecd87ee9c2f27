import { describe, expect, it } from '@jest/globals';
import { ContractViolationError, parseMessage } from '../contract/index.ts';
import { portFindingV1, portFindingV1Example } from './index.ts';

describe('the port-finding contract', () => {
  it("derives the attributes secondary scanners filter on, leaving room for a dead letter's failure", () => {
    const finding = parseMessage(portFindingV1, portFindingV1Example);
    expect(portFindingV1.attributes(finding)).toEqual({
      address: '198.51.100.7',
      addressType: 'ipv4',
      port: 443,
      protocol: 'tcp',
      service: 'http',
      product: 'nginx',
      tls: true,
      contract: 'port-finding',
      'contract-version': 1,
    });
  });

  it('leaves out the attributes of what the scanner did not identify', () => {
    const { service: _service, product: _product, productVersion: _version, ...bare } = portFindingV1Example;
    const attributes = portFindingV1.attributes(parseMessage(portFindingV1, { ...bare, tls: false }));
    expect(Object.keys(attributes)).not.toEqual(expect.arrayContaining(['service']));
    expect(attributes.tls).toBe(false);
  });

  it('refuses a port out of range, an address that is not one, and a host name with a space', () => {
    for (const broken of [
      { ...portFindingV1Example, port: 70000 },
      { ...portFindingV1Example, address: 'www.example.com' },
      { ...portFindingV1Example, hosts: ['www example.com'] },
    ]) {
      expect(() => parseMessage(portFindingV1, broken)).toThrow(ContractViolationError);
    }
  });
});
