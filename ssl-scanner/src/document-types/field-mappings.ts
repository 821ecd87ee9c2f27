import type { FieldMapping } from '@sec-an/contracts/search-index';

/**
 * A keyword too long for Lucene's 32 KB term limit would fail its whole document; past 1,024 characters a value
 * stays in the source but is not indexed (no dashboard groups by such a value).
 */
export const keyword: FieldMapping = { type: 'keyword', ignore_above: 1024 };
export const text: FieldMapping = { type: 'text' };
export const ip: FieldMapping = { type: 'ip' };
export const integer: FieldMapping = { type: 'integer' };
export const date: FieldMapping = { type: 'date' };
export const boolean: FieldMapping = { type: 'boolean' };

/**
 * The fields that name what was scanned, in every endpoint-level document: the address and port, and the name
 * sent with SNI (`''` for the scan without SNI, so the entity keys and the label always have it).
 */
export const endpointIdentity = { address: ip, port: integer, serverName: keyword } as const;

/** The fields of the labels and entity keys of endpoint-level documents. */
export const endpointLabel = ['address', 'port', 'serverName'] as const;
