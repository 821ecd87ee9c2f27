import { describe, expect, it } from '@jest/globals';
import { chunks, forEachConcurrently } from './concurrently.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('forEachConcurrently', () => {
  it('runs every item, never more at once than asked', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await forEachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      done.push(item);
      running -= 1;
    });
    expect(most).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('starts nothing after a failure, waits for what runs, and throws the first failure', async () => {
    const started: number[] = [];
    let finished = 0;
    const run = forEachConcurrently([1, 2, 3, 4, 5, 6], 2, async (item) => {
      started.push(item);
      if (item === 2) throw new Error('item 2 failed');
      await tick();
      finished += 1;
    });
    await expect(run).rejects.toThrow('item 2 failed');
    expect(started).toEqual([1, 2]);
    expect(finished).toBe(1);
  });

  it('takes items from a generator only as workers free up', async () => {
    const made: number[] = [];
    function* items() {
      for (let i = 0; i < 5; i += 1) {
        made.push(i);
        yield i;
      }
    }
    const seen: number[][] = [];
    await forEachConcurrently(items(), 2, async () => {
      seen.push([...made]);
      await tick();
    });
    expect(seen[0]).toEqual([0]);
    expect(seen[1]).toEqual([0, 1]);
  });
});

describe('chunks', () => {
  it('slices and maps, the last slice shorter', () => {
    expect([...chunks([1, 2, 3, 4, 5], 2, (n) => n * 10)]).toEqual([[10, 20], [30, 40], [50]]);
    expect([...chunks([], 25)]).toEqual([]);
  });
});
