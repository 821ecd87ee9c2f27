import { hash } from 'node:crypto';

/** The name space of planned scans' request ids (RFC 9562 name-based UUIDs); chosen once, never to change. */
const planNamespace = Buffer.from('b80a0af4d12743b9af4da4480b4bb7d4', 'hex');

const hexDigits = '0123456789abcdef';

/**
 * The request id of the planned scan of `address` in plan `planId`: the version 5 UUID of the JSON pair
 * `[planId, address]`, so that planning again, or sending again, gives the same id and scanners can drop the
 * duplicate. One-shot hashing and formatting from the hex digest: a plan computes a million of these.
 */
export const plannedRequestId = (planId: string, address: string): string => {
  const name = Buffer.from(JSON.stringify([planId, address]), 'utf8');
  const hex = hash('sha1', Buffer.concat([planNamespace, name], planNamespace.length + name.length), 'hex');
  const version = '5';
  const variant = hexDigits[(Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
