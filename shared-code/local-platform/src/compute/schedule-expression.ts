import { CronExpressionParser } from 'cron-parser';
import { ComputeError } from './compute-error.ts';

/** When an EventBridge schedule fires next. */
export interface ScheduleExpression {
  /** The first firing strictly after `after` (epoch ms), or undefined when the schedule never fires again. */
  next(after: number): number | undefined;
}

const unitMs: Readonly<Record<string, number>> = {
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
};

/** EventBridge accepts no year beyond this one. */
const lastYear = 2199;

const invalid = (expression: string, why: string): ComputeError =>
  new ComputeError(`schedule expression "${expression}" ${why}`);

/** `rate(n unit)` fires every period, counted from when the rule started, the first time one period after it. */
const rateSchedule = (expression: string, body: string, startedAt: number): ScheduleExpression => {
  const match = /^(\d+)\s+(\w+)$/.exec(body.trim());
  const periodMs = match?.[2] === undefined ? undefined : unitMs[match[2]];
  const value = Number(match?.[1]);
  if (periodMs === undefined || !(value > 0)) {
    throw invalid(expression, 'is not rate(<positive number> minute(s)|hour(s)|day(s))');
  }
  const period = value * periodMs;
  return {
    next: (after) => startedAt + Math.max(1, Math.floor((after - startedAt) / period) + 1) * period,
  };
};

/**
 * EventBridge numbers week days 1 (SUN) to 7 (SAT), cron-parser 0 (SUN) to 6. Only day numbers move: those
 * that open a list item or a range end; a step after `/` and an nth after `#` stay.
 */
const toParserWeekDays = (field: string): string =>
  field.replace(
    /(^|[,-])([1-7])(?=$|[,\-#L/])/g,
    (_, before: string, day: string) => `${before}${Number(day) - 1}`,
  );

/** A matcher for the year field, which cron-parser does not have: `*`, `?`, and lists of years, ranges, steps. */
const yearMatcher = (expression: string, field: string): ((year: number) => boolean) => {
  if (field === '*' || field === '?') return () => true;
  const items = field.split(',').map((item) => {
    const match = /^(\*|\d{4})(?:-(\d{4}))?(?:\/(\d+))?$/.exec(item);
    if (match === null) throw invalid(expression, `has a year field "${field}" that is not understood`);
    const from = match[1] === '*' ? 1970 : Number(match[1]);
    const to =
      match[2] !== undefined
        ? Number(match[2])
        : match[3] !== undefined || match[1] === '*'
          ? lastYear
          : from;
    const step = Number(match[3] ?? 1);
    return (year: number) => year >= from && year <= to && (year - from) % step === 0;
  });
  return (year) => items.some((matches) => matches(year));
};

/** `cron(minutes hours day-of-month month day-of-week year)`, in UTC, as EventBridge reads it. */
const cronSchedule = (expression: string, body: string): ScheduleExpression => {
  const fields = body.trim().split(/\s+/);
  const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = fields;
  if (fields.length !== 6 || year === undefined) {
    throw invalid(
      expression,
      'does not have the six fields minutes, hours, day-of-month, month, day-of-week, year',
    );
  }
  const parserExpression = [minutes, hours, dayOfMonth, month, toParserWeekDays(dayOfWeek ?? '*')].join(' ');
  const yearMatches = yearMatcher(expression, year);
  const iterate = (from: number) => {
    try {
      return CronExpressionParser.parse(parserExpression, { currentDate: new Date(from), tz: 'UTC' });
    } catch (error) {
      throw invalid(
        expression,
        `is not a cron expression the local platform understands: ${(error as Error).message}`,
      );
    }
  };
  iterate(Date.now());
  return {
    next: (after) => {
      let from = after;
      for (let year = new Date(from).getUTCFullYear(); year <= lastYear; year += 1) {
        if (yearMatches(year)) {
          const next = iterate(from).next().getTime();
          if (new Date(next).getUTCFullYear() === year) return next;
        }
        // Nothing left in this year: start the next one at its first millisecond.
        from = Date.UTC(year + 1, 0, 1) - 1;
      }
      return undefined;
    },
  };
};

/** Reads an EventBridge schedule expression; `startedAt` (epoch ms) is when the rule began, for rates. */
export const parseScheduleExpression = (expression: string, startedAt: number): ScheduleExpression => {
  const match = /^(rate|cron)\((.*)\)$/.exec(expression.trim());
  if (match?.[1] === 'rate') return rateSchedule(expression, match[2] ?? '', startedAt);
  if (match?.[1] === 'cron') return cronSchedule(expression, match[2] ?? '');
  throw invalid(expression, 'is neither rate(...) nor cron(...)');
};
