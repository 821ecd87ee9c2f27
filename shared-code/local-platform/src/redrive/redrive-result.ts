import { describeWindow, type TimeWindow } from './time-window.ts';

/** Why a dead letter was not sent. */
export const skipReasons = {
  alreadyRedriven: 'already redriven (--again sends them again)',
  noSourceQueue: 'without a source queue (failed asynchronous invocations, or a queue nothing names)',
  notARecord: 'not a valid dead-letter record',
  sourceQueueMissing: 'whose source queue does not exist',
} as const;

export type SkipReason = (typeof skipReasons)[keyof typeof skipReasons];

/** One letter sent (or, in a dry run, that would be): the archive key or message id, and its new message id. */
export interface SentLetter {
  readonly id: string;
  readonly messageId?: string;
}

export interface RedriveResult {
  /** Where the letters came from, in words: the bucket, or the dead-letter queue. */
  readonly origin: string;
  readonly window?: string;
  readonly source?: string;
  readonly dryRun: boolean;
  /** Dead letters that passed the filters: sent, or skipped for a reason. */
  readonly matched: number;
  /** By source queue name, in the order they were sent. */
  readonly sent: ReadonlyMap<string, readonly SentLetter[]>;
  readonly skipped: ReadonlyMap<SkipReason, readonly string[]>;
}

/** Collects a run's outcome letter by letter. */
export class RedriveTally {
  matched = 0;
  readonly sent = new Map<string, SentLetter[]>();
  readonly skipped = new Map<SkipReason, string[]>();

  addSent(sourceQueue: string, letter: SentLetter): void {
    this.sent.set(sourceQueue, [...(this.sent.get(sourceQueue) ?? []), letter]);
  }

  addSkipped(reason: SkipReason, id: string): void {
    this.skipped.set(reason, [...(this.skipped.get(reason) ?? []), id]);
  }

  result(
    origin: string,
    filters: { readonly source?: string; readonly window: TimeWindow; readonly dryRun: boolean },
  ): RedriveResult {
    const window = describeWindow(filters.window);
    return {
      origin,
      ...(window === undefined ? {} : { window }),
      ...(filters.source === undefined ? {} : { source: filters.source }),
      dryRun: filters.dryRun,
      matched: this.matched,
      sent: this.sent,
      skipped: this.skipped,
    };
  }
}
