import { describe, expect, it } from '@jest/globals';
import { changeCounts, diffInventory } from './diff.ts';
import { type HostEntry, inventoryOf } from './inventory.ts';

const host = (addresses: string[], zones = ['Z1'], isPrivate = false): HostEntry => ({
  addresses: new Set(addresses),
  zones: new Set(zones),
  private: isPrivate,
});

describe('diffing two ingests', () => {
  const before = inventoryOf(
    new Map([
      ['www.example.com', host(['192.0.2.1', '192.0.2.2'])],
      ['old.example.com', host(['192.0.2.9'])],
      ['same.example.com', host(['192.0.2.5'])],
      ['moved.example.com', host(['192.0.2.6'])],
    ]),
  );
  const after = inventoryOf(
    new Map([
      ['www.example.com', host(['192.0.2.1', '192.0.2.3'])],
      ['new.example.com', host([])],
      ['same.example.com', host(['192.0.2.5'])],
      ['moved.example.com', host(['192.0.2.6'], ['Z2'])],
    ]),
  );
  const changes = diffInventory(before, after);

  it('writes new and changed rows only, and deletes what is gone', () => {
    expect([...changes.hostWrites.keys()].sort()).toEqual([
      'moved.example.com',
      'new.example.com',
      'www.example.com',
    ]);
    expect(changes.hostDeletes).toEqual(['old.example.com']);
    expect([...changes.addressWrites.keys()].sort()).toEqual(['192.0.2.3', '192.0.2.6']);
    expect([...changes.addressDeletes].sort()).toEqual(['192.0.2.2', '192.0.2.9']);
  });

  it('records what each name gained and lost; a zone change alone is no history', () => {
    expect(changes.history).toEqual(
      expect.arrayContaining([
        {
          name: 'host:www.example.com',
          kind: 'host',
          change: 'changed',
          current: ['192.0.2.1', '192.0.2.3'],
          added: ['192.0.2.3'],
          removed: ['192.0.2.2'],
        },
        {
          name: 'host:new.example.com',
          kind: 'host',
          change: 'appeared',
          current: [],
          added: [],
          removed: [],
        },
        {
          name: 'host:old.example.com',
          kind: 'host',
          change: 'disappeared',
          current: [],
          added: [],
          removed: ['192.0.2.9'],
        },
        {
          name: 'address:192.0.2.3',
          kind: 'address',
          change: 'appeared',
          current: ['www.example.com'],
          added: ['www.example.com'],
          removed: [],
        },
        {
          name: 'address:192.0.2.2',
          kind: 'address',
          change: 'disappeared',
          current: [],
          added: [],
          removed: ['www.example.com'],
        },
        {
          name: 'address:192.0.2.9',
          kind: 'address',
          change: 'disappeared',
          current: [],
          added: [],
          removed: ['old.example.com'],
        },
      ]),
    );
    expect(changes.history).toHaveLength(6);
    expect(changeCounts(changes)).toEqual({
      hostsAdded: 1,
      hostsRemoved: 1,
      addressesAdded: 1,
      addressesRemoved: 2,
      linksAdded: 1,
      linksRemoved: 2,
      historyRows: 6,
    });
  });

  it('finds nothing to do when nothing changed', () => {
    const again = diffInventory(after, after);
    expect(again.hostWrites.size + again.addressWrites.size + again.history.length).toBe(0);
    expect(again.hostDeletes.length + again.addressDeletes.length).toBe(0);
  });
});
