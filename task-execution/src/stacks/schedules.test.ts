import { describe, expect, it } from '@jest/globals';
import { dailyAt, everyBucket } from './schedules.ts';
import { defaultIngestTime, parseTimeOfDay } from './time-of-day.ts';

/** The minutes of the hour a `cron(<minutes> * * * ? *)` fires at, as EventBridge reads its minutes field. */
const cronMinutes = (expression: string): number[] => {
  const match = /^cron\((\S+) \* \* \* \? \*\)$/.exec(expression);
  if (match === null) throw new Error(`${expression} does not fire every hour`);
  const field = match[1] ?? '';
  if (field === '*') return Array.from({ length: 60 }, (_, minute) => minute);
  const [start = '', step = ''] = field.split('/');
  const minutes: number[] = [];
  for (let minute = Number(start); minute < 60; minute += Number(step)) minutes.push(minute);
  return minutes;
};

describe('everyBucket', () => {
  it.each([60, 120, 180, 240, 300, 360, 600, 720, 900])(
    'fires at exactly the starts of %i s buckets (multiples of the length since the epoch)',
    (bucketSeconds) => {
      const bucketStartMinutes = Array.from({ length: 60 }, (_, minute) => minute).filter(
        // Hours start buckets (the length divides 3600), so an hour's bucket starts are the same every hour.
        (minute) => (minute * 60) % bucketSeconds === 0,
      );
      expect(3600 % bucketSeconds).toBe(0);
      expect(cronMinutes(everyBucket(bucketSeconds))).toEqual(bucketStartMinutes);
    },
  );

  it('writes the expressions EventBridge takes', () => {
    expect(everyBucket(900)).toBe('cron(0/15 * * * ? *)');
    expect(everyBucket(60)).toBe('cron(* * * * ? *)');
  });

  it('refuses a bucket that is not a whole number of minutes dividing an hour', () => {
    for (const bucketSeconds of [70, 420, 480, 840, 30]) {
      expect(() => everyBucket(bucketSeconds)).toThrow(`a bucket of ${bucketSeconds} s cannot be scheduled`);
    }
  });
});

describe('dailyAt', () => {
  it('fires once a day at the time, in UTC', () => {
    expect(dailyAt({ hour: 3, minute: 41 })).toBe('cron(41 3 * * ? *)');
  });
});

describe('defaultIngestTime', () => {
  it('is the same for the same app and stage, in the small hours, never at midnight', () => {
    const stages = ['dev', 'test', 'prod', 'local', 'ci', 'staging', 'a', 'b'];
    for (const stage of stages) {
      const time = defaultIngestTime('sec-an', stage);
      expect(time).toEqual(defaultIngestTime('sec-an', stage));
      expect(time.hour).toBeGreaterThanOrEqual(2);
      expect(time.hour).toBeLessThanOrEqual(4);
    }
    const distinct = new Set(stages.map((stage) => JSON.stringify(defaultIngestTime('sec-an', stage))));
    expect(distinct.size).toBeGreaterThan(4);
  });
});

describe('parseTimeOfDay', () => {
  it('reads HH:MM on the 24-hour clock only', () => {
    expect(parseTimeOfDay('00:00')).toEqual({ hour: 0, minute: 0 });
    expect(parseTimeOfDay('23:59')).toEqual({ hour: 23, minute: 59 });
    for (const text of ['24:00', '7:05', '07:60', '07:05:00', 'noon']) {
      expect(parseTimeOfDay(text)).toBeUndefined();
    }
  });
});
