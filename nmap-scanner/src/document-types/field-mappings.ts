import type { FieldMapping } from '@sec-an/contracts/search-index';

/**
 * A keyword too long for Lucene's 32 KB term limit would fail its whole document; past 1,024 characters a
 * value stays in the source but is not indexed (no dashboard groups by such a value).
 */
export const keyword: FieldMapping = { type: 'keyword', ignore_above: 1024 };
export const text: FieldMapping = { type: 'text' };
export const ip: FieldMapping = { type: 'ip' };
export const integer: FieldMapping = { type: 'integer' };
export const long: FieldMapping = { type: 'long' };
export const float: FieldMapping = { type: 'float' };
export const date: FieldMapping = { type: 'date' };
export const boolean: FieldMapping = { type: 'boolean' };

/** Every script's output as the parser keeps it: which script, and what it printed. */
export const scripts: FieldMapping = { properties: { id: keyword, output: text } };

/** The fields that name a port, in every port-level document. */
export const portIdentity = { address: ip, addressType: keyword, port: integer, protocol: keyword } as const;
