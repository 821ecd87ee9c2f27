import { inWindow, type TimeWindow } from './time-window.ts';

/** The queue name of `arn:aws:sqs:<region>:<account>:<name>`. */
export const queueNameOf = (arn: string): string => arn.slice(arn.lastIndexOf(':') + 1);

/** Whether a letter of `sourceQueueArn` at `time` passes the command's filters. */
export const isSelected = (
  sourceQueueArn: string | null,
  time: Date,
  filters: { readonly source?: string; readonly window: TimeWindow },
): boolean =>
  (filters.source === undefined ||
    (sourceQueueArn !== null && queueNameOf(sourceQueueArn) === filters.source)) &&
  inWindow(time, filters.window);
