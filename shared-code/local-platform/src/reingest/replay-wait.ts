import { SetupError } from '../errors/index.ts';
import type { DeadLetterWatch } from './dead-letter-watch.ts';
import { reindexed } from './document-comparison.ts';
import { readHistoryDocuments, type StoredDocument } from './history-documents.ts';
import { queueDepth } from './queue-depth.ts';
import type { LakeObject } from './raw-objects.ts';

/** The replay's documents did not settle in time. */
export class ReplayTimeoutError extends SetupError {
  override readonly name: string = 'ReplayTimeoutError';
}

export interface ReplayWait {
  readonly objects: readonly LakeObject[];
  readonly before: ReadonlyMap<string, readonly StoredDocument[]>;
  /** The parser's queues and the ingest queue: the replay is through once they are empty. */
  readonly queueUrls: readonly string[];
  readonly deadLetters: DeadLetterWatch;
  readonly timeoutMs: number;
  readonly pollMs?: number;
}

const fingerprint = (documents: ReadonlyMap<string, readonly StoredDocument[]>): string =>
  JSON.stringify(
    [...documents].map(([key, list]) => [
      key,
      list.map((d) => `${d.index}/${d.id}@${d.primaryTerm}.${d.seqNo}`).sort(),
    ]),
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until every replayed object that had documents has some written again (or a dead letter names it), the
 * queues on the way are empty, and two looks in a row see the same documents, so that a result indexed in two
 * bulk requests is read whole. Returns the documents as they then are.
 */
export const waitForReplay = async (wait: ReplayWait): Promise<Map<string, StoredDocument[]>> => {
  const deadline = Date.now() + wait.timeoutMs;
  let previous = '';
  for (;;) {
    await wait.deadLetters.look();
    const after = await readHistoryDocuments(wait.objects);
    const waitingFor = wait.objects.filter(({ key }) => {
      const before = wait.before.get(key) ?? [];
      return before.length > 0 && !reindexed(before, after.get(key) ?? []) && !wait.deadLetters.mentions(key);
    });
    const depths = await Promise.all(wait.queueUrls.map(queueDepth));
    const queued = depths.reduce((sum, depth) => sum + depth, 0);
    const seen = fingerprint(after);
    if (waitingFor.length === 0 && queued === 0 && seen === previous) return after;
    previous = seen;
    if (Date.now() > deadline) {
      const first = waitingFor.slice(0, 5).map(({ key }) => key);
      throw new ReplayTimeoutError(
        `the replay did not settle within ${Math.round(wait.timeoutMs / 1000)} s: ` +
          `${waitingFor.length} object(s) have no document indexed again${first.length === 0 ? '' : ` (${first.join(', ')}${waitingFor.length > first.length ? ', ...' : ''})`}, ` +
          `${queued} message(s) still in the parser and ingest queues`,
        'look at `./sec-an logs` and the dead-letter queues, or pass a longer --timeout',
      );
    }
    await sleep(wait.pollMs ?? 2000);
  }
};
