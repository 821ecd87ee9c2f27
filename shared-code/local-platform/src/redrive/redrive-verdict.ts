import { isSelected, queueNameOf } from './letter-selection.ts';
import { type RedriveTally, type SkipReason, skipReasons } from './redrive-result.ts';
import { isMissingQueue } from './send-to-source.ts';
import type { TimeWindow } from './time-window.ts';

export interface RedriveFilters {
  readonly source?: string;
  readonly window: TimeWindow;
  readonly dryRun: boolean;
  readonly again: boolean;
}

/** What one dead letter is, as far as the command decides. */
export interface Candidate {
  /** Its archive key, or its message id in a dead-letter queue. */
  readonly id: string;
  readonly sourceQueueArn: string | null;
  /** The time the window filters on. */
  readonly time: Date;
  readonly redrivenBefore: boolean;
}

export type Verdict =
  | { readonly action: 'ignore' }
  | { readonly action: 'skip'; readonly reason: SkipReason }
  | { readonly action: 'send'; readonly sourceQueueArn: string };

export const verdictOf = (candidate: Candidate, filters: RedriveFilters): Verdict => {
  if (!isSelected(candidate.sourceQueueArn, candidate.time, filters)) return { action: 'ignore' };
  if (candidate.redrivenBefore && !filters.again)
    return { action: 'skip', reason: skipReasons.alreadyRedriven };
  if (candidate.sourceQueueArn === null) return { action: 'skip', reason: skipReasons.noSourceQueue };
  return { action: 'send', sourceQueueArn: candidate.sourceQueueArn };
};

/**
 * Decides on one dead letter and carries the decision out: counts it, and unless the run is dry sends it with
 * `send`, which returns the new message id. Resolves to whether the letter was sent.
 */
export const redriveCandidate = async (
  candidate: Candidate,
  filters: RedriveFilters,
  tally: RedriveTally,
  send: (sourceQueueArn: string) => Promise<string>,
): Promise<boolean> => {
  const verdict = verdictOf(candidate, filters);
  if (verdict.action === 'ignore') return false;
  tally.matched += 1;
  if (verdict.action === 'skip') {
    tally.addSkipped(verdict.reason, candidate.id);
    return false;
  }
  const queue = queueNameOf(verdict.sourceQueueArn);
  if (filters.dryRun) {
    tally.addSent(queue, { id: candidate.id });
    return false;
  }
  try {
    tally.addSent(queue, { id: candidate.id, messageId: await send(verdict.sourceQueueArn) });
    return true;
  } catch (error) {
    if (!isMissingQueue(error)) throw error;
    tally.addSkipped(skipReasons.sourceQueueMissing, candidate.id);
    return false;
  }
};
