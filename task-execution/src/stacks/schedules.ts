import { formatTimeOfDay, type TimeOfDay } from './time-of-day.ts';

export class ScheduleSettingsError extends Error {
  override readonly name = 'ScheduleSettingsError';
}

/** EventBridge's cron (minutes hours day-of-month month day-of-week year), in UTC: once a day at `time`. */
export const dailyAt = (time: TimeOfDay): string => `cron(${time.minute} ${time.hour} * * ? *)`;

/**
 * Every bucket, at its start. Buckets start at multiples of their length since the epoch; a cron can only name
 * minutes of the hour, so the length must be a whole number of minutes that divides an hour: then every hour
 * starts a bucket, and `0/M` minutes are exactly the buckets' starts.
 */
export const everyBucket = (bucketSeconds: number): string => {
  const minutes = bucketSeconds / 60;
  if (!Number.isInteger(minutes) || minutes < 1 || 60 % minutes !== 0) {
    throw new ScheduleSettingsError(
      `a bucket of ${bucketSeconds} s cannot be scheduled at its start: the initiator's schedule needs a bucket ` +
        'of a whole number of minutes that divides an hour (1, 2, 3, 4, 5, 6, 10, 12 or 15 minutes)',
    );
  }
  return minutes === 1 ? 'cron(* * * * ? *)' : `cron(0/${minutes} * * * ? *)`;
};

export const describeDaily = (time: TimeOfDay): string => `daily at ${formatTimeOfDay(time)} UTC`;
