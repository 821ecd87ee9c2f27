import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '@sec-an/runtime/errors';
import { defaultScanProfile, parseScanProfile } from './index.ts';

describe('scan profile', () => {
  it('has a documented default: every TCP port, T4, versions, the TLS scripts, no OS detection', () => {
    expect(defaultScanProfile).toEqual({
      ports: '1-65535',
      timing: 4,
      versionDetection: true,
      versionIntensity: 7,
      osDetection: false,
      scripts: ['ssl-cert', 'ssl-enum-ciphers'],
      hostDiscovery: true,
      reverseDns: true,
      hostTimeoutSeconds: 3600,
      overallTimeoutSeconds: 5400,
    });
  });

  it('fills what an operator leaves out with the defaults', () => {
    expect(parseScanProfile('{"ports":{"top":100},"scripts":["vulners"]}')).toEqual({
      ...defaultScanProfile,
      ports: { top: 100 },
      scripts: ['vulners'],
    });
  });

  it.each([
    ['not json', /is not JSON/],
    ['{"port":"80"}', /Unrecognized key: "port"/],
    ['{"ports":"80,http"}', /"http" is not a port or a range of ports/],
    ['{"ports":"-"}', /"-" is not a port/],
    ['{"ports":"T:80"}', /"T:80" is not a port/],
    ['{"ports":"80 -oN /tmp/x"}', /is not a port/],
    ['{"ports":"1-70000"}', /goes past port 65535/],
    ['{"ports":"90-80"}', /ends before it starts/],
    ['{"ports":{"top":0}}', /ports/],
    ['{"timing":6}', /timing/],
    ['{"timing":4.5}', /timing/],
    ['{"versionIntensity":10}', /versionIntensity/],
    ['{"scripts":["vuln"]}', /scripts/],
    ['{"scripts":["ssl-cert","ssl-cert"]}', /named twice/],
    ['{"scripts":["http-shellshock"]}', /scripts/],
    ['{"scripts":["--script-args=x"]}', /scripts/],
    ['{"hostTimeoutSeconds":0}', /hostTimeoutSeconds/],
    ['{"hostTimeoutSeconds":600,"overallTimeoutSeconds":60}', /could never time out/],
    ['{"overallTimeoutSeconds":90000}', /overallTimeoutSeconds/],
    ['{"versionDetection":false,"scripts":["vulners"]}', /turn versionDetection on/],
  ])('refuses %s, naming the setting', (text, message) => {
    expect(() => parseScanProfile(text)).toThrow(ConfigurationError);
    expect(() => parseScanProfile(text)).toThrow(message);
  });
});
