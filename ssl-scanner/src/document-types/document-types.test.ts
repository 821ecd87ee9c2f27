import { describe, expect, it } from '@jest/globals';
import type { FieldMapping } from '@sec-an/contracts/search-index';
import { validateDocumentType } from '@sec-an/contracts/search-index';
import { parseTlsObservations } from '../results-parser/index.ts';
import { fixtureNames, fixtureSource, readFixture } from '../results-parser/test-fixtures.ts';
import { sslDocumentTypes, sslTemplates } from './index.ts';

const isoTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** Whether a value fits a leaf mapping the way OpenSearch would index it (arrays of it included). */
const fits = (mapping: FieldMapping, value: unknown): boolean => {
  if (Array.isArray(value)) return value.every((entry) => fits(mapping, entry));
  switch (mapping.type) {
    case 'keyword':
    case 'text':
      return typeof value === 'string';
    case 'ip':
      return typeof value === 'string' && /^[0-9a-f.:]+$/i.test(value);
    case 'integer':
      return Number.isInteger(value);
    case 'date':
      return typeof value === 'string' && isoTime.test(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return false;
  }
};

/** Every field path of the fields that the mapping lacks or types otherwise, as `path: value`. */
const misfits = (properties: Readonly<Record<string, FieldMapping>>, fields: object, path = ''): string[] =>
  Object.entries(fields).flatMap(([name, value]) => {
    const mapping = properties[name];
    const at = `${path}${name}`;
    if (mapping === undefined) return [`${at} is not mapped`];
    if (mapping.properties !== undefined) {
      const objects = Array.isArray(value) ? value : [value];
      return objects.flatMap((object) =>
        typeof object === 'object' && object !== null
          ? misfits(mapping.properties ?? {}, object, `${at}.`)
          : [`${at} is not an object`],
      );
    }
    return fits(mapping, value)
      ? []
      : [`${at} = ${JSON.stringify(value)?.slice(0, 60)} is not a ${mapping.type}`];
  });

const allResults = () =>
  fixtureNames.flatMap((name) => parseTlsObservations(readFixture(name), { source: fixtureSource(name) }));

describe('ssl-scanner document types', () => {
  it('declare one type per kind of document the parser emits', () => {
    const emitted = new Set(
      allResults().flatMap((result) =>
        Object.entries(result.documents)
          .filter(([, documents]) => documents.length > 0)
          .map(([type]) => type),
      ),
    );
    expect(new Set(sslDocumentTypes.map((type) => type.type))).toEqual(emitted);
    expect(sslDocumentTypes.every((type) => type.task === 'ssl-scanner')).toBe(true);
  });

  it('map every field of every document of every fixture, with a type its values fit (dynamic: strict)', () => {
    const problems = allResults().flatMap((result) =>
      Object.entries(result.documents).flatMap(([type, documents]) => {
        const declared = sslDocumentTypes.find((entry) => entry.type === type);
        if (declared === undefined) return [`${type} has no document type`];
        return documents.flatMap((document) => misfits(declared.properties, document.fields, `${type}: `));
      }),
    );
    expect([...new Set(problems)]).toEqual([]);
  });

  it('name only mapped change and label fields, in strict templates', () => {
    for (const type of sslDocumentTypes) expect(() => validateDocumentType(type)).not.toThrow();
    expect(sslTemplates.map((template) => template.name)).toEqual([
      'ssl-scanner-tls-endpoint',
      'ssl-scanner-tls-protocol',
      'ssl-scanner-tls-cipher',
      'ssl-scanner-certificate',
      'ssl-scanner-tls-compliance',
    ]);
    for (const template of sslTemplates) {
      expect(template.body).toMatchObject({ template: { mappings: { dynamic: 'strict' } } });
    }
  });
});
