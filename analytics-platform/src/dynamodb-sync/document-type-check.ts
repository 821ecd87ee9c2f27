import type { DocumentType, FieldMapping } from '@sec-an/contracts/search-index';
import { type SyncSettings, setChangeFields } from './sync-settings.ts';

const mappingOf = (definition: DocumentType, field: string): FieldMapping | undefined =>
  definition.properties[field];

/**
 * The fields the sync itself is sure to write (keys, scan time, set changes, dates), which the document type's
 * template must map, with the date fields as dates: otherwise every document would be refused by the strict
 * template at ingest, one dead letter at a time. Other attributes are the table's business.
 */
export const unmappedSyncFields = (definition: DocumentType, settings: SyncSettings): string[] => {
  const required = [
    ...settings.keyAttributes,
    ...(settings.temporalAttribute === undefined ? [] : [settings.temporalAttribute]),
    ...settings.setAttributes.flatMap((attribute) => {
      const names = setChangeFields(attribute);
      return [attribute, names.added, names.removed];
    }),
  ];
  const missing = required.filter((field) => mappingOf(definition, field) === undefined);
  const notDates = Object.keys(settings.epochAttributes).filter(
    (field) => mappingOf(definition, field)?.type !== 'date',
  );
  return [
    ...missing.map((field) => `${field} is not mapped`),
    ...notDates.map((field) => `${field} is not mapped as a date`),
  ];
};
