import type { JsonValue } from './item-values.ts';
import { StreamRecordError } from './sync-errors.ts';
import type { EpochUnit } from './sync-settings.ts';

const millisecondsPer: Readonly<Record<EpochUnit, number>> = { seconds: 1000, milliseconds: 1 };

/** An epoch time as an ISO date, in the unit its attribute was declared with. */
export const isoFromEpoch = (attribute: string, value: JsonValue, unit: EpochUnit): string => {
  const epoch = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  const date = typeof epoch === 'number' ? new Date(epoch * millisecondsPer[unit]) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) {
    throw new StreamRecordError(
      `attribute ${attribute} should hold epoch ${unit}, but holds ${JSON.stringify(value)}`,
    );
  }
  return date.toISOString();
};

/** The item's fields with each declared epoch attribute it has written as an ISO date. */
export const withIsoDates = (
  fields: Readonly<Record<string, JsonValue>>,
  epochAttributes: Readonly<Record<string, EpochUnit>>,
): Record<string, JsonValue> =>
  Object.fromEntries(
    Object.entries(fields).map(([name, value]) => {
      const unit = epochAttributes[name];
      return [name, unit === undefined ? value : isoFromEpoch(name, value, unit)];
    }),
  );
