import { isRetryable } from '@sec-an/runtime/errors';
import { type ScanScope, scopeVerdict } from '@sec-an/runtime/scan-scope';
import { type SendBatch, type SendFailure, sendDelayed } from './delay-queue.ts';
import { dueScans } from './due-scans.ts';
import { markOutOfScope, type Refused } from './mark-out-of-scope.ts';
import { type MarkTables, markQueued } from './mark-queued.ts';
import type { PlannedScan } from './planned-scan.ts';
import { type DelayedMessage, delayedMessageOf } from './scan-request-message.ts';

export interface InitiatorHooks {
  /**
   * Called once a bucket's messages are sent and before any is marked queued: the seam where a test stops the
   * initiator as a crash would, to show that the next run sends them again rather than losing them.
   */
  readonly afterSend?: (bucket: string, sent: readonly PlannedScan[]) => Promise<void> | void;
}

export interface BucketContext extends MarkTables {
  readonly scope: ScanScope;
  readonly send: SendBatch;
  readonly now: () => number;
  readonly hooks: InitiatorHooks;
}

/** A due scan that was not queued, and why. */
export interface NotSent {
  readonly address: string;
  readonly reason: string;
}

export interface BucketOutcome {
  readonly bucket: string;
  readonly sent: number;
  readonly outOfScope: readonly Refused[];
  /** Not queued for a reason on the queue's side: left planned, sent again by the next run. */
  readonly retryable: readonly NotSent[];
  /** Never sendable as they are: rows the planner wrote wrong, or messages the queue refuses. */
  readonly permanent: readonly NotSent[];
}

interface Sorted {
  readonly messages: DelayedMessage[];
  readonly scans: Map<string, PlannedScan>;
  readonly refused: Refused[];
  readonly invalid: NotSent[];
}

/** Splits the due scans into messages to send, scans the scope no longer allows, and rows that are invalid. */
const sortScans = (scans: readonly PlannedScan[], scope: ScanScope, now: number): Sorted => {
  const sorted: Sorted = { messages: [], scans: new Map(), refused: [], invalid: [] };
  for (const scan of scans) {
    const verdict = scopeVerdict(scope, scan);
    if (!verdict.inScope) {
      sorted.refused.push({ scan, reason: verdict.reason });
      continue;
    }
    try {
      sorted.messages.push(delayedMessageOf(scan, now));
      sorted.scans.set(scan.requestId, scan);
    } catch (error) {
      if (isRetryable(error)) throw error;
      sorted.invalid.push({ address: scan.address, reason: (error as Error).message });
    }
  }
  return sorted;
};

/**
 * One bucket: its due scans (one Query), the scope checked again for each (it may have changed since the plan),
 * the allowed ones sent to the delay queue, and only then the sent ones marked queued. A crash between sending
 * and marking leaves them planned, so the next run sends them again under the same request ids.
 */
export const initiateBucket = async (bucket: string, context: BucketContext): Promise<BucketOutcome> => {
  const due = await dueScans(context.scanPlanTable, bucket);
  const { messages, scans, refused, invalid } = sortScans(due.scans, context.scope, context.now());
  const failures = await sendDelayed(messages, context.send);
  const failed = new Set(failures.map(({ id }) => id));
  const sent = [...scans.values()].filter(({ requestId }) => !failed.has(requestId));
  const notSent = (failure: SendFailure): NotSent => ({
    address: scans.get(failure.id)?.address ?? failure.id,
    reason: `${failure.code}: ${failure.message}`,
  });
  await context.hooks.afterSend?.(bucket, sent);
  await markQueued(context, sent, context.now());
  await markOutOfScope(context, refused);
  return {
    bucket,
    sent: sent.length,
    outOfScope: refused,
    retryable: failures.filter((failure) => !failure.senderFault).map(notSent),
    permanent: [
      ...due.unreadable,
      ...invalid,
      ...failures.filter((failure) => failure.senderFault).map(notSent),
    ],
  };
};
