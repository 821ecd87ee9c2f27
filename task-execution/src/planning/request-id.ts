import { createHash } from 'node:crypto';

/** The name space of planned scans' request ids (RFC 9562 name-based UUIDs); chosen once, never to change. */
const planNamespace = Buffer.from('b80a0af4d12743b9af4da4480b4bb7d4', 'hex');

/**
 * The request id of the planned scan of `address` in plan `planId`: a version 5 UUID of the two, so that
 * planning again, or sending again, gives the same id and scanners can drop the duplicate.
 */
export const plannedRequestId = (planId: string, address: string): string => {
  const bytes = createHash('sha1')
    .update(planNamespace)
    .update(JSON.stringify([planId, address]), 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
