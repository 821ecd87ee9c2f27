import { describe, expect, it } from '@jest/globals';
import { ContractViolationError } from '@sec-an/contracts/contract';
import { entityKey } from '@sec-an/contracts/entity-key';
import { scanResultV1 } from '@sec-an/contracts/scan-result';
import { isRetryable } from '@sec-an/runtime/errors';
import { scanResultOf, syncParserVersion } from './stream-record-result.ts';
import { StreamRecordError } from './sync-errors.ts';
import type { SyncSettings } from './sync-settings.ts';
import { hostSettings, streamRecord } from './test-records.ts';

const host = 'www.example.org';
const hostKey = entityKey({ Host: host });
// 2026-11-21T10:00:00Z and an hour later, in epoch seconds.
const tenOClock = 1_795_255_200;
const elevenOClock = tenOClock + 3600;

/** A host item; DynamoDB keeps no empty set, so a host without addresses has no Addresses attribute. */
const item = (addresses: readonly string[], ingestTime = tenOClock): Record<string, unknown> => ({
  Host: host,
  ...(addresses.length === 0 ? {} : { Addresses: new Set(addresses) }),
  DnsIngestTime: ingestTime,
  Zone: 'example.org',
});

describe('a stream record as a scan result', () => {
  it('makes an inserted item one complete result of its item, every address added', () => {
    const result = scanResultOf(
      streamRecord({ eventID: 'e1', newItem: item(['192.0.2.2', '192.0.2.10', '192.0.2.1']) }),
      hostSettings,
    );
    expect(result).toEqual({
      contract: 'scan-result',
      version: 1,
      task: 'dns-hosts',
      scanId: 'dns-hosts/e1',
      startedAt: '2026-11-21T10:00:00.000Z',
      endedAt: '2026-11-21T10:00:00.000Z',
      parserVersion: syncParserVersion,
      raw: null,
      subject: { key: hostKey, label: host },
      coverage: 'complete',
      documents: {
        host: [
          {
            key: hostKey,
            fields: {
              Host: host,
              Addresses: ['192.0.2.1', '192.0.2.10', '192.0.2.2'],
              DnsIngestTime: '2026-11-21T10:00:00.000Z',
              Zone: 'example.org',
              AddressesAdded: ['192.0.2.1', '192.0.2.10', '192.0.2.2'],
              AddressesRemoved: [],
            },
          },
        ],
      },
    });
    expect(scanResultV1.schema.parse(result)).toEqual(result);
  });

  it('reports what a modification added to and removed from a set, at the new scan time', () => {
    const result = scanResultOf(
      streamRecord({
        oldItem: item(['192.0.2.1', '192.0.2.2']),
        newItem: item(['192.0.2.2', '192.0.2.3'], elevenOClock),
      }),
      hostSettings,
    );
    expect(result.endedAt).toBe('2026-11-21T11:00:00.000Z');
    expect(result.documents.host?.[0]?.fields).toMatchObject({
      Addresses: ['192.0.2.2', '192.0.2.3'],
      AddressesAdded: ['192.0.2.3'],
      AddressesRemoved: ['192.0.2.1'],
    });
  });

  it('counts a set attribute that appeared or went as all added or all removed', () => {
    const emptied = scanResultOf(
      streamRecord({ oldItem: item(['192.0.2.1']), newItem: item([]) }),
      hostSettings,
    );
    expect(emptied.documents.host?.[0]?.fields).toMatchObject({
      AddressesAdded: [],
      AddressesRemoved: ['192.0.2.1'],
    });
    expect(emptied.documents.host?.[0]?.fields).not.toHaveProperty('Addresses');
  });

  it('makes a removed item a result of the same subject with no documents, after the state it removes', () => {
    const removed = scanResultOf(
      streamRecord({
        eventID: 'e9',
        oldItem: item(['192.0.2.1'], elevenOClock),
        createdAtSeconds: tenOClock,
      }),
      hostSettings,
    );
    expect(removed).toMatchObject({
      scanId: 'dns-hosts/e9',
      subject: { key: hostKey, label: host },
      coverage: 'complete',
      documents: {},
      endedAt: '2026-11-21T11:00:00.001Z',
    });
    const later = scanResultOf(
      streamRecord({ oldItem: item(['192.0.2.1']), createdAtSeconds: elevenOClock }),
      hostSettings,
    );
    expect(later.endedAt).toBe('2026-11-21T11:00:00.000Z');
  });

  it('takes the time the stream recorded the change when no temporal attribute is declared', () => {
    const { temporalAttribute: _, ...untimed } = hostSettings;
    const result = scanResultOf(
      streamRecord({ newItem: item(['192.0.2.1']), createdAtSeconds: elevenOClock }),
      untimed,
    );
    expect(result.endedAt).toBe('2026-11-21T11:00:00.000Z');
  });

  it('writes epoch times as ISO dates in the unit each was declared with', () => {
    const settings: SyncSettings = {
      ...hostSettings,
      epochAttributes: { DnsIngestTime: 'seconds', LastScanQueued: 'milliseconds', Planned: 'seconds' },
    };
    const result = scanResultOf(
      streamRecord({
        newItem: { ...item([]), LastScanQueued: tenOClock * 1000 + 250, Planned: String(elevenOClock) },
      }),
      settings,
    );
    expect(result.documents.host?.[0]?.fields).toMatchObject({
      DnsIngestTime: '2026-11-21T10:00:00.000Z',
      LastScanQueued: '2026-11-21T10:00:00.250Z',
      Planned: '2026-11-21T11:00:00.000Z',
    });
  });

  it('derives the same keys and scan id from the same record, whatever the order of its attributes', () => {
    const one = streamRecord({ newItem: item(['192.0.2.1']) });
    const reordered = streamRecord({
      newItem: {
        Zone: 'example.org',
        DnsIngestTime: tenOClock,
        Addresses: new Set(['192.0.2.1']),
        Host: host,
      },
    });
    expect(JSON.stringify(scanResultOf(reordered, hostSettings))).toBe(
      JSON.stringify(scanResultOf(one, hostSettings)),
    );
    const settings: SyncSettings = { ...hostSettings, keyAttributes: ['Zone', 'Host'] };
    const composite = scanResultOf(
      streamRecord({ keys: { Host: host, Zone: 'example.org' }, newItem: item([]) }),
      settings,
    );
    expect(composite.subject).toEqual({
      key: entityKey({ Host: host, Zone: 'example.org' }),
      label: `example.org ${host}`,
    });
  });

  it('sorts number sets as numbers, keeps binaries in base64 and nested values as plain JSON', () => {
    const record = streamRecord({
      newItem: { ...item([]), Ports: new Set([443, 80, 8080]), Meta: { seen: [true, null, 'x'] } },
    });
    // Lambda's event carries binaries in base64, as the stream's JSON does.
    Object.assign(record.dynamodb?.NewImage ?? {}, {
      Digest: { B: 'AAEC' },
      Digests: { BS: ['Aw==', 'AQ=='] },
    });
    const result = scanResultOf(record, hostSettings);
    expect(result.documents.host?.[0]?.fields).toMatchObject({ Digest: 'AAEC', Digests: ['AQ==', 'Aw=='] });
    expect(result.documents.host?.[0]?.fields).toMatchObject({
      Ports: [80, 443, 8080],
      Meta: { seen: [true, null, 'x'] },
    });
  });

  it('refuses, permanently and naming the attribute, what has no exact JSON form or no scan time', () => {
    const huge = streamRecord({ newItem: item([]) });
    if (huge.dynamodb?.NewImage !== undefined)
      huge.dynamodb.NewImage.Counter = { N: '123456789012345678901234' };
    expect(() => scanResultOf(huge, hostSettings)).toThrow(
      'attribute Counter: the number 123456789012345678901234 cannot be written exactly as a JSON number',
    );
    const { DnsIngestTime: _, ...unscanned } = item([]);
    const untimed = () => scanResultOf(streamRecord({ newItem: unscanned }), hostSettings);
    expect(untimed).toThrow('the item has no temporal attribute DnsIngestTime');
    const badEpoch = () =>
      scanResultOf(streamRecord({ newItem: { ...item([]), DnsIngestTime: 'yesterday' } }), hostSettings);
    expect(badEpoch).toThrow('attribute DnsIngestTime should hold epoch seconds, but holds "yesterday"');
    for (const refused of [untimed, badEpoch]) {
      try {
        refused();
      } catch (error) {
        expect(error).toBeInstanceOf(StreamRecordError);
        expect(isRetryable(error)).toBe(false);
      }
    }
  });

  it('refuses an item whose attributes the contract reserves for the ingest', () => {
    expect(() =>
      scanResultOf(streamRecord({ newItem: { ...item([]), subject: 'mine' } }), hostSettings),
    ).toThrow(ContractViolationError);
  });
});
