import { describe, expect, it } from '@jest/globals';
import { scanRequestV1Example } from '@sec-an/contracts/scan-request';
import { ContractViolationError } from '@sec-an/runtime/errors';
import { parseScanScope } from '@sec-an/runtime/scan-scope';
import { parseScanRequest, RequestNotJsonError, TargetRejectedError, validateScanTarget } from './index.ts';

const scope = parseScanScope({
  allow: { cidrs: ['127.0.0.0/8', '::1/128', '198.51.100.0/24'], suffixes: ['example.com'] },
  deny: { cidrs: ['127.0.0.66/32'], suffixes: ['secret.example.com'] },
});

const problemOf = (address: unknown, hosts: unknown = []): string => {
  try {
    validateScanTarget({ address, hosts }, scope);
  } catch (error) {
    if (error instanceof TargetRejectedError) return error.problem;
    throw error;
  }
  throw new Error(`${String(address)} was accepted`);
};

describe('validateScanTarget', () => {
  it('accepts an in-scope IPv4 or IPv6 address and gives its canonical form and type', () => {
    expect(validateScanTarget({ address: '127.0.0.1', hosts: ['WWW.Example.com.'] }, scope)).toEqual({
      address: '127.0.0.1',
      addressType: 'ipv4',
      hosts: ['www.example.com'],
    });
    expect(validateScanTarget({ address: '0:0:0:0:0:0:0:1', hosts: [] }, scope)).toEqual({
      address: '::1',
      addressType: 'ipv6',
      hosts: [],
    });
  });

  it('takes an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    expect(validateScanTarget({ address: '::ffff:127.0.0.9', hosts: [] }, scope)).toMatchObject({
      address: '127.0.0.9',
      addressType: 'ipv4',
    });
  });

  it('keeps wildcard record names and drops duplicates', () => {
    expect(
      validateScanTarget(
        { address: '127.0.0.1', hosts: ['*.example.com', '*.EXAMPLE.com', 'a_b.example.com'] },
        scope,
      ).hosts,
    ).toEqual(['*.example.com', 'a_b.example.com']);
  });

  it.each([
    ['-oN /tmp/x', 'option-like'],
    ['-oN', 'option-like'],
    ['--script=http-shellshock', 'option-like'],
    ['-iL/etc/passwd', 'option-like'],
    ['127.0.0.1 -oN /tmp/x', 'control-characters'],
    ['127.0.0.1\n--script=vuln', 'control-characters'],
    ['127.0.0.1\u0000', 'control-characters'],
    ['127.0.0.1;id', 'shell-metacharacters'],
    ['$(id)', 'shell-metacharacters'],
    ['`id`', 'shell-metacharacters'],
    ['127.0.0.1|nc', 'shell-metacharacters'],
    ['127.0.0.1,2', 'shell-metacharacters'],
    ['fe80::1%eth0', 'shell-metacharacters'],
    ['127.0.0.1/24', 'network-not-address'],
    ['127.0.0-9.1', 'not-an-address'],
    ['127.0.0.*', 'shell-metacharacters'],
    ['0x7f.0.0.1', 'not-an-address'],
    ['017.0.0.1', 'not-an-address'],
    ['2130706433', 'not-an-address'],
    ['127.0.0.256', 'not-an-address'],
    ['localhost', 'not-an-address'],
    ['::g', 'not-an-address'],
    ['0.0.0.0', 'unscannable-address'],
    ['::', 'unscannable-address'],
    ['255.255.255.255', 'unscannable-address'],
    ['224.0.0.1', 'unscannable-address'],
    ['ff02::1', 'unscannable-address'],
    ['1'.repeat(46), 'too-long'],
    [42, 'not-a-string'],
    [null, 'not-a-string'],
    ['10.0.0.1', 'out-of-scope'],
    ['127.0.0.66', 'out-of-scope'],
    ['::2', 'out-of-scope'],
  ])('refuses the address %j (%s)', (address, problem) => {
    expect(problemOf(address)).toBe(problem);
  });

  it.each([
    ['-oN', 'option-like'],
    ['--script=vuln', 'option-like'],
    ['a.example.com;reboot', 'shell-metacharacters'],
    ['a.example.com b', 'control-characters'],
    ['$(curl.example.com)', 'shell-metacharacters'],
    [`${'a'.repeat(64)}.example.com`, 'not-a-host-name'],
    [`${'a.'.repeat(127)}com`, 'too-long'],
    ['-a.example.com', 'option-like'],
    ['a-.example.com', 'not-a-host-name'],
    ['a..example.com', 'not-a-host-name'],
    ['example.123', 'not-a-host-name'],
    ['*', 'shell-metacharacters'],
    ['a.*.example.com', 'shell-metacharacters'],
    [7, 'not-a-string'],
  ])('refuses the host name %j (%s), whatever the address', (host, problem) => {
    expect(problemOf('127.0.0.1', [host])).toBe(problem);
  });

  it('refuses more names than a request may carry, and hosts that are not a list', () => {
    expect(
      problemOf(
        '127.0.0.1',
        Array.from({ length: 1001 }, (_, i) => `h${i}.example.com`),
      ),
    ).toBe('too-many-hosts');
    expect(problemOf('127.0.0.1', 'a.example.com')).toBe('not-a-host-name');
  });

  it('puts an address in scope through one of its names, and out of it through a denied name', () => {
    expect(validateScanTarget({ address: '10.1.2.3', hosts: ['app.example.com'] }, scope).address).toBe(
      '10.1.2.3',
    );
    expect(problemOf('127.0.0.1', ['db.secret.example.com'])).toBe('out-of-scope');
  });

  it('names the value and the rule in its message, printable and cut short', () => {
    expect(() => validateScanTarget({ address: '10.0.0.1', hosts: [] }, scope)).toThrow(
      'scan target "10.0.0.1" refused (out-of-scope): no allow CIDR contains the address and no host is under an allow suffix',
    );
    const error = (() => {
      try {
        validateScanTarget({ address: `-${'x'.repeat(500)}\n`, hosts: [] }, scope);
      } catch (caught) {
        return caught as TargetRejectedError;
      }
      return undefined;
    })();
    expect(error?.message.length).toBeLessThan(250);
    expect(error?.message).not.toContain('\n');
    expect(error?.retryable).toBe(false);
  });
});

describe('parseScanRequest', () => {
  it('reads a scan-request v1 message', () => {
    expect(parseScanRequest(JSON.stringify(scanRequestV1Example)).target.address).toBe('198.51.100.7');
  });

  it('refuses a body that is not JSON, and one that breaks the contract', () => {
    expect(() => parseScanRequest('198.51.100.7 -oN /tmp/x')).toThrow(RequestNotJsonError);
    expect(() => parseScanRequest(JSON.stringify({ ...scanRequestV1Example, target: '127.0.0.1' }))).toThrow(
      ContractViolationError,
    );
  });
});
