import type { JsonValue } from './item-values.ts';
import { StreamRecordError } from './sync-errors.ts';

/** The time a stream recorded a change, which Lambda gives in epoch seconds. */
export const streamTime = (approximateCreationDateTime: number | undefined): string => {
  if (approximateCreationDateTime === undefined) {
    throw new StreamRecordError('the stream record has no ApproximateCreationDateTime');
  }
  return new Date(approximateCreationDateTime * 1000).toISOString();
};

/** The temporal attribute's value, already an ISO date if it was declared an epoch attribute. */
export const temporalTime = (
  attribute: string,
  fields: Readonly<Record<string, JsonValue>>,
): string | undefined => {
  const value = fields[attribute];
  if (value === undefined) return undefined;
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new StreamRecordError(
      `temporal attribute ${attribute} holds ${JSON.stringify(value)}, not a date (declare an epoch attribute's unit)`,
    );
  }
  return new Date(time).toISOString();
};

/** The time of an item's new state: its temporal attribute, which every state must carry, else the stream's. */
export const stateTime = (
  temporalAttribute: string | undefined,
  fields: Readonly<Record<string, JsonValue>>,
  recordedAt: string,
): string => {
  if (temporalAttribute === undefined) return recordedAt;
  const time = temporalTime(temporalAttribute, fields);
  if (time === undefined)
    throw new StreamRecordError(`the item has no temporal attribute ${temporalAttribute}`);
  return time;
};

/**
 * A removal happens after the state it removes: when the stream's time (whole seconds) is not later than the
 * removed state's own time, the removal is placed a millisecond after it, so that the ingest, which orders a
 * subject's results by time, never takes the removal for an older result than the state it removes.
 */
export const removalTime = (
  temporalAttribute: string | undefined,
  oldFields: Readonly<Record<string, JsonValue>>,
  recordedAt: string,
): string => {
  const removed = temporalAttribute === undefined ? undefined : temporalTime(temporalAttribute, oldFields);
  if (removed === undefined || Date.parse(recordedAt) > Date.parse(removed)) return recordedAt;
  return new Date(Date.parse(removed) + 1).toISOString();
};
