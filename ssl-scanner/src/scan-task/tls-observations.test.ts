import { gzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { parseMessage } from '@sec-an/contracts/contract';
import { portFindingV1, portFindingV1Example } from '@sec-an/contracts/port-finding';
import type { EndpointScan } from '../probe/index.ts';
import { defaultScanSettings } from './scan-settings.ts';
import {
  decodeTlsObservations,
  encodeTlsObservations,
  observationOf,
  observedScanOf,
  outOfScopeObservation,
  type TlsObservations,
  TlsObservationsFormatError,
} from './tls-observations.ts';

const endpoint = { address: '198.51.100.7', port: 443 };

/** The shape the probe returns; the bytes stand for a flight and a certificate, which only travel as base64 here. */
const scan: EndpointScan = {
  endpoint,
  serverName: 'www.example.com',
  status: 'scanned',
  protocols: [
    {
      version: 'TLSv1.2',
      offered: true,
      status: 'answered',
      cipherSuites: [0xc02f, 0x009e],
      serverOrder: true,
      groups: [0x001d, 0x0017],
      keyExchange: new Map([
        [0xc02f, { kind: 'ecdh', namedGroup: 0x001d }],
        [0x009e, { kind: 'dh', primeBits: 2048, generator: 2 }],
      ]),
      partial: false,
      serverFlight: new Uint8Array([0x16, 0x03, 0x03, 0x00, 0x02, 0x0e, 0x00]),
    },
    {
      version: 'SSLv3',
      offered: false,
      status: 'alert',
      cipherSuites: [],
      groups: [],
      keyExchange: new Map(),
      partial: false,
    },
  ],
  certificates: [new Uint8Array([0x30, 0x82, 0x01, 0x0a])],
  elapsedMs: 123.4,
};

const recorded = (observations: TlsObservations['observations']): TlsObservations => ({
  format: 'tls-observations',
  version: 1,
  scanner: { name: 'ssl-scanner', version: '1.0.0' },
  request: { contract: 'port-finding', message: parseMessage(portFindingV1, portFindingV1Example) },
  target: endpoint,
  names: { scanned: ['www.example.com'], omitted: [], fromInventory: [], limit: 16 },
  scope: { inScope: true, reason: 'address is in allow CIDR 198.51.100.0/24' },
  settings: { ...defaultScanSettings },
  startedAt: '2026-11-21T10:09:03.000Z',
  endedAt: '2026-11-21T10:09:05.000Z',
  observations,
});

describe('tls-observations v1', () => {
  it('records a scan with bytes as base64 and maps as lists, and gives it back as the probe reported it', () => {
    const observation = observationOf(scan);
    expect(observation.protocols[0]).toMatchObject({
      keyExchange: [
        { cipherSuite: 0xc02f, parameters: { kind: 'ecdh', namedGroup: 0x001d } },
        { cipherSuite: 0x009e, parameters: { kind: 'dh', primeBits: 2048, generator: 2 } },
      ],
      serverFlight: 'FgMDAAIOAA==',
    });
    expect(observation.certificates).toEqual(['MIIBCg==']);
    const bytes = encodeTlsObservations(recorded([observation]));
    const decoded = decodeTlsObservations(bytes, 's3://lake/raw/x');
    const [first] = decoded.observations;
    expect(first === undefined ? undefined : observedScanOf(first, endpoint)).toEqual({
      ...scan,
      elapsedMs: 123,
    });
  });

  it('records an out-of-scope scan with its reason and nothing else', () => {
    expect(outOfScopeObservation(undefined, 'the allow-list is empty')).toEqual({
      status: 'out-of-scope',
      detail: 'the allow-list is empty',
      elapsedMs: 0,
      protocols: [],
      certificates: [],
    });
  });

  it.each([
    ['not gzip', new TextEncoder().encode('{}'), 'is not gzip'],
    ['not JSON', gzipSync('{"format":'), 'is not JSON'],
    ['another format', gzipSync(JSON.stringify({ ...recorded([]), format: 'nmap' })), 'format'],
    [
      'a status the scanner does not have',
      gzipSync(JSON.stringify(recorded([{ ...observationOf(scan), status: 'fine' as 'scanned' }]))),
      'observations[0].status',
    ],
  ])('refuses an object that is %s, naming it', (_label, bytes, reason) => {
    expect(() => decodeTlsObservations(bytes, 's3://lake/raw/x')).toThrow(TlsObservationsFormatError);
    expect(() => decodeTlsObservations(bytes, 's3://lake/raw/x')).toThrow(/s3:\/\/lake\/raw\/x/);
    expect(() => decodeTlsObservations(bytes, 's3://lake/raw/x')).toThrow(reason);
  });
});
