import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, ContractViolationError } from '@sec-an/runtime/errors';
import { defaultScanProfile, parseScanProfile } from '../scan-profile/index.ts';
import { RequestNotJsonError, TargetRejectedError, type ValidatedTarget } from '../targets/index.ts';
import {
  buildNmapArguments,
  exitCodeForError,
  exitCodes,
  NmapFailedError,
  NmapMissingError,
} from './index.ts';

const v4: ValidatedTarget = { address: '127.0.0.1', addressType: 'ipv4', hosts: ['a.example.com'] };
const v6: ValidatedTarget = { address: '::1', addressType: 'ipv6', hosts: [] };

describe('buildNmapArguments', () => {
  it('builds the default profile into options, then `--`, then the address alone', () => {
    expect(
      buildNmapArguments({ targets: [v4], profile: defaultScanProfile, xmlPath: 'out/nmap.xml' }),
    ).toEqual([
      '-sT',
      '-v',
      '--reason',
      '--noninteractive',
      '--no-stylesheet',
      '-oX',
      'out/nmap.xml',
      '-T4',
      '-p',
      '1-65535',
      '-sV',
      '--version-intensity',
      '7',
      '--script',
      'ssl-cert,ssl-enum-ciphers',
      '--host-timeout',
      '3600s',
      '--',
      '127.0.0.1',
    ]);
  });

  it('turns every profile setting into its option', () => {
    const profile = parseScanProfile(
      JSON.stringify({
        ports: { top: 100 },
        timing: 5,
        versionDetection: false,
        osDetection: true,
        scripts: [],
        hostDiscovery: false,
        reverseDns: false,
        hostTimeoutSeconds: 30,
        overallTimeoutSeconds: 60,
      }),
    );
    expect(buildNmapArguments({ targets: [v6], profile, xmlPath: 'x.xml' })).toEqual([
      '-sT',
      '-v',
      '--reason',
      '--noninteractive',
      '--no-stylesheet',
      '-oX',
      'x.xml',
      '-T5',
      '--top-ports',
      '100',
      '-O',
      '-Pn',
      '-n',
      '--host-timeout',
      '30s',
      '-6',
      '--',
      '::1',
    ]);
  });

  it('parses every address again, so a forged target never reaches the vector', () => {
    const forged = { address: '-oN /tmp/x', addressType: 'ipv4', hosts: [] } as ValidatedTarget;
    expect(() =>
      buildNmapArguments({ targets: [forged], profile: defaultScanProfile, xmlPath: 'x' }),
    ).toThrow(TargetRejectedError);
  });

  it('refuses to mix IPv4 and IPv6 in one run, and a run without targets', () => {
    expect(() =>
      buildNmapArguments({ targets: [v4, v6], profile: defaultScanProfile, xmlPath: 'x' }),
    ).toThrow(/separate runs/);
    expect(() => buildNmapArguments({ targets: [], profile: defaultScanProfile, xmlPath: 'x' })).toThrow(
      /at least one target/,
    );
  });
});

describe('exit codes', () => {
  it.each([
    [new RequestNotJsonError('x'), exitCodes.requestInvalid],
    [new ContractViolationError('x'), exitCodes.requestInvalid],
    [new TargetRejectedError('out-of-scope', '10.0.0.1', 'x'), exitCodes.targetRejected],
    [new NmapMissingError('x'), exitCodes.nmapMissing],
    [new NmapFailedError(1, null, 'x'), exitCodes.nmapFailed],
    [new ConfigurationError('x'), exitCodes.configuration],
    [new Error('x'), exitCodes.unexpected],
  ])('gives %s its own code', (error, code) => {
    expect(exitCodeForError(error)).toBe(code);
  });

  it('are distinct', () => {
    expect(new Set(Object.values(exitCodes)).size).toBe(Object.values(exitCodes).length);
  });
});
