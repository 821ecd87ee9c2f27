import { PermanentError, TransientError } from '@sec-an/runtime/errors';
import type { NotSent } from './initiate-bucket.ts';
import type { RunReport } from './plan-and-initiate.ts';

/** How many addresses an error names; the log has them all. */
const namedInError = 10;

const listed = (entries: readonly { readonly bucket: string; readonly notSent: NotSent }[]): string => {
  const shown = entries
    .slice(0, namedInError)
    .map(({ bucket, notSent }) => `${notSent.address} in ${bucket} (${notSent.reason})`);
  const more = entries.length - shown.length;
  return [...shown, ...(more > 0 ? [`and ${more} more`] : [])].join('; ');
};

const notSentOf = (report: RunReport, kind: 'retryable' | 'permanent') =>
  report.initiations.flatMap(({ buckets }) =>
    buckets.flatMap(({ bucket, ...outcome }) => outcome[kind].map((notSent) => ({ bucket, notSent }))),
  );

/**
 * The error a run ends with when some due scan was not queued, so that the invocation fails where an operator
 * sees it. Scans that failed on the queue's side stay planned and are sent again by the next run; the others
 * cannot be sent as they are, and say so.
 */
export const runFailure = (report: RunReport): Error | undefined => {
  const retryable = notSentOf(report, 'retryable');
  const permanent = notSentOf(report, 'permanent');
  if (permanent.length > 0) {
    return new PermanentError(
      `${permanent.length} due scan(s) cannot be sent and were passed by: ${listed(permanent)}` +
        (retryable.length > 0 ? `; ${retryable.length} more will be sent again by the next run` : ''),
    );
  }
  if (retryable.length > 0) {
    return new TransientError(
      `${retryable.length} due scan(s) were not queued and stay planned for the next run: ${listed(retryable)}`,
    );
  }
  return undefined;
};
