import { documentType, taskName } from '@sec-an/contracts/scan-result';
import { ConfigurationError } from '@sec-an/runtime/errors';
import { z } from 'zod';

/** How an epoch attribute counts time; said per attribute, so seconds are never read as milliseconds. */
export const epochUnits = ['seconds', 'milliseconds'] as const;
export type EpochUnit = (typeof epochUnits)[number];

const attributeName = z.string().min(1).max(255);

const syncSettingsSchema = z.strictObject({
  /** The task the results belong to: the sync's name, which prefixes its index names. */
  task: taskName,
  /** The one document type every item becomes. */
  documentType,
  /** The table's key attributes: they identify the item, its subject and its document. */
  keyAttributes: z.array(attributeName).min(1).max(2),
  /** The attribute holding the item's scan time; without it, the time the stream recorded the change. */
  temporalAttribute: attributeName.optional(),
  /** Set attributes whose additions and removals each change also reports. */
  setAttributes: z.array(attributeName),
  /** Attributes holding epoch times, written as ISO dates. */
  epochAttributes: z.record(attributeName, z.enum(epochUnits)),
});

/** What one sync does with its table's records; the construct writes it into the function's environment. */
export type SyncSettings = Readonly<z.output<typeof syncSettingsSchema>>;

export const syncSettingsVariable = 'SEC_AN_DYNAMODB_SYNC';

/** The field names a sync adds for a set attribute: what each change added to it and removed from it. */
export const setChangeFields = (attribute: string) =>
  ({ added: `${attribute}Added`, removed: `${attribute}Removed` }) as const;

export const parseSyncSettings = (value: unknown): SyncSettings => {
  const parsed = syncSettingsSchema.safeParse(value);
  if (!parsed.success) {
    throw new ConfigurationError(`DynamoDB sync settings are invalid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
};

export const syncSettingsFromEnvironment = (environment = process.env): SyncSettings => {
  const text = environment[syncSettingsVariable];
  if (text === undefined) throw new ConfigurationError(`${syncSettingsVariable} is not set`);
  try {
    return parseSyncSettings(JSON.parse(text));
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    throw new ConfigurationError(`${syncSettingsVariable} is not JSON`, { cause: error });
  }
};
