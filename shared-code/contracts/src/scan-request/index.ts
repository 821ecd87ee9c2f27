import { z } from 'zod';
import { defineContract } from '../contract/index.ts';

/** Why a scan was asked for: the day plan, or a person (`sec-an scan`). */
export const scanOrigins = ['plan', 'on-demand'] as const;

/** A DNS name as Route53 returns it, without the trailing dot. */
export const hostName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^(\*\.)?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/i);

export const ipAddress = z.union([z.ipv4(), z.ipv6()]);

/**
 * One address and the names that resolve to it: scanners scan the address, and name it (TLS SNI, HTTP Host) with
 * its hosts, so that a scan sees what a client of each name sees.
 */
export const scanTargetShape = z.object({
  address: ipAddress,
  hosts: z.array(hostName).max(1000),
});

/**
 * A request to scan one address, delivered to every primary scanner (their subscriptions filter on `origin` and
 * `addressType`). The request id lets a scanner drop a duplicate delivery: the delay queue and SNS deliver at
 * least once, and the initiator sends again what it cannot prove it sent.
 */
export const scanRequestV1 = defineContract({
  name: 'scan-request',
  version: 1,
  shape: {
    requestId: z.uuid(),
    target: scanTargetShape,
    origin: z.enum(scanOrigins),
    requestedAt: z.iso.datetime(),
    /** The moment the day plan gave this scan; absent for on-demand scans. */
    plannedAt: z.iso.datetime().optional(),
  },
  attributes: (request) => ({
    origin: request.origin,
    addressType: request.target.address.includes(':') ? 'ipv6' : 'ipv4',
  }),
});

/** A valid message, for the message catalogue and for tests. */
export const scanRequestV1Example = {
  contract: 'scan-request',
  version: 1,
  requestId: '0b7c5d1e-8a57-4c55-9c8e-5f3f7b9b0a11',
  target: { address: '198.51.100.7', hosts: ['www.example.com'] },
  origin: 'plan',
  requestedAt: '2026-11-21T10:00:00.000Z',
  plannedAt: '2026-11-21T10:07:31.000Z',
} as const satisfies z.input<typeof scanRequestV1.schema>;
