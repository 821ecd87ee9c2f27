import type { _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from '@jest/globals';
import { awaitsPartner, withoutPhantomInserts } from './moto-stream-quirks.ts';

const key = (host: string) => ({ host: { S: host } });
const phantom = (host: string): StreamRecord => ({
  eventName: 'INSERT',
  dynamodb: { Keys: key(host), NewImage: key(host) },
});
const insert = (host: string): StreamRecord => ({
  eventName: 'INSERT',
  dynamodb: { Keys: key(host), NewImage: { ...key(host), ingestedAt: { N: '1' } } },
});

describe('moto phantom inserts', () => {
  it('drops a key-only insert whose item is inserted later in the batch, even after other items', () => {
    const batch = [phantom('a'), phantom('b'), insert('a'), insert('b')];
    expect(withoutPhantomInserts(batch)).toEqual([insert('a'), insert('b')]);
  });

  it('keeps a key-only insert that nothing follows, and says its partner may be in the next read', () => {
    const batch = [insert('a'), phantom('b')];
    expect(withoutPhantomInserts(batch)).toEqual(batch);
    expect(awaitsPartner(batch)).toBe(true);
    expect(awaitsPartner([...batch, insert('b')])).toBe(false);
  });
});
