import { SetupError } from '../errors/index.ts';

/** The times a dead letter must fall in to be redriven: from `since` (inclusive) to `until` (exclusive). */
export interface TimeWindow {
  readonly since?: Date;
  readonly until?: Date;
}

const relativeUnits: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

const relativePattern = /^(\d+)([mhd])$/;

/** An ISO 8601 date or time (`2026-11-21`, `2026-11-21T10:00Z`), or a span ago (`30m`, `6h`, `7d`). */
export const parseTime = (option: string, text: string, now: Date): Date => {
  const relative = relativePattern.exec(text);
  if (relative !== null) {
    const [, amount, unit] = relative as unknown as [string, string, string];
    return new Date(now.getTime() - Number(amount) * (relativeUnits[unit] ?? 0));
  }
  const time = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new SetupError(
      `${option} "${text}" is not a time`,
      'give an ISO 8601 date or time (2026-11-21, 2026-11-21T10:00Z) or a span ago (30m, 6h, 7d)',
    );
  }
  return new Date(time);
};

export const inWindow = (time: Date, window: TimeWindow): boolean =>
  (window.since === undefined || time >= window.since) && (window.until === undefined || time < window.until);

/** The window's own description, for the report. */
export const describeWindow = (window: TimeWindow): string | undefined => {
  if (window.since === undefined && window.until === undefined) return undefined;
  const since = window.since === undefined ? '' : `from ${window.since.toISOString()}`;
  const until = window.until === undefined ? '' : `until ${window.until.toISOString()}`;
  return [since, until].filter((part) => part !== '').join(' ');
};
