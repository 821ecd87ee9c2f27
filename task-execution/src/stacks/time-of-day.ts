/** A time of day in UTC, to the minute: when a daily schedule fires. */
export interface TimeOfDay {
  readonly hour: number;
  readonly minute: number;
}

export const formatTimeOfDay = ({ hour, minute }: TimeOfDay): string =>
  `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/** `HH:MM` on the 24-hour clock; undefined when the text is not one. */
export const parseTimeOfDay = (text: string): TimeOfDay | undefined => {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (match === null) return undefined;
  return { hour: Number(match[1]), minute: Number(match[2]) };
};

const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
};

/** The window the default ingest time falls in: the small hours of UTC, away from midnight's crowd of jobs. */
const defaultWindow = { fromMinute: 2 * 60, minutes: 3 * 60 } as const;

/**
 * The daily DNS ingest's default time: a minute between 02:00 and 04:59 UTC chosen by the app and stage names.
 * The same names always give the same time (no deploying machine's clock is involved), and stages that read one
 * DNS account seldom read it at once, which is what Route53's five requests a second per account asks for.
 */
export const defaultIngestTime = (app: string, stage: string): TimeOfDay => {
  const minuteOfDay = defaultWindow.fromMinute + (fnv1a(`${app}/${stage}`) % defaultWindow.minutes);
  return { hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 };
};
