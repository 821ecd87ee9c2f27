import { SavedObjectQueryError } from './dashboard-errors.ts';

const unitPattern = '(ms|s|m|h|d|w|M|y)';
const expressionPattern = new RegExp(`^now((?:[+-]\\d+${unitPattern})*)(?:/${unitPattern})?$`);

type Unit = 'ms' | 's' | 'm' | 'h' | 'd' | 'w' | 'M' | 'y';

const shift = (date: Date, amount: number, unit: Unit): Date => {
  const shifted = new Date(date);
  if (unit === 'M') shifted.setUTCMonth(shifted.getUTCMonth() + amount);
  else if (unit === 'y') shifted.setUTCFullYear(shifted.getUTCFullYear() + amount);
  else shifted.setTime(shifted.getTime() + amount * fixedUnitMilliseconds[unit]);
  return shifted;
};

export const fixedUnitMilliseconds: Readonly<Record<Exclude<Unit, 'M' | 'y'>, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

const startOf = (date: Date, unit: Unit): Date => {
  const start = new Date(date);
  switch (unit) {
    case 'y':
      start.setUTCMonth(0, 1);
      start.setUTCHours(0, 0, 0, 0);
      break;
    case 'M':
      start.setUTCDate(1);
      start.setUTCHours(0, 0, 0, 0);
      break;
    case 'w':
      // ISO weeks start on Monday, as OpenSearch rounds them.
      start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
      start.setUTCHours(0, 0, 0, 0);
      break;
    case 'd':
      start.setUTCHours(0, 0, 0, 0);
      break;
    case 'h':
      start.setUTCMinutes(0, 0, 0);
      break;
    case 'm':
      start.setUTCSeconds(0, 0);
      break;
    case 's':
      start.setUTCMilliseconds(0);
      break;
    case 'ms':
      break;
  }
  return start;
};

const rounded = (date: Date, unit: Unit, roundUp: boolean): Date =>
  roundUp ? new Date(shift(startOf(date, unit), 1, unit).getTime() - 1) : startOf(date, unit);

/**
 * A time picker bound as an instant: an ISO time, or date math from now (`now-7d`, `now-1d/d`), rounded in UTC.
 * The end of a range rounds up, as Dashboards rounds it (`now/d` ends the day).
 */
export const resolveDate = (text: string, now: Date, roundUp = false): Date => {
  const match = expressionPattern.exec(text);
  if (match === null) {
    const date = new Date(text);
    if (Number.isNaN(date.getTime()))
      throw new SavedObjectQueryError(`"${text}" is neither a time nor date math`);
    return date;
  }
  let date = new Date(now);
  for (const [, sign, amount, unit] of (match[1] ?? '').matchAll(/([+-])(\d+)(ms|s|m|h|d|w|M|y)/g)) {
    date = shift(date, (sign === '-' ? -1 : 1) * Number(amount), unit as Unit);
  }
  const rounding = match[3] as Unit | undefined;
  return rounding === undefined ? date : rounded(date, rounding, roundUp);
};
