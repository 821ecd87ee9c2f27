import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * Canonical JSON (RFC 8785: sorted keys, fixed number and string forms), so a key never depends on property
 * order or on one language's way of printing a value.
 */
export const canonicalJson = (value: unknown): string => {
  const text = canonicalize(value);
  if (text === undefined)
    throw new TypeError('a value without a JSON form (undefined, a function) has no key');
  return text;
};

/** The deterministic id of an entity: SHA-256 (hex) of the canonical JSON of its identifying fields. */
export const entityKey = (identity: Readonly<Record<string, unknown>>): string =>
  createHash('sha256').update(canonicalJson(identity)).digest('hex');
