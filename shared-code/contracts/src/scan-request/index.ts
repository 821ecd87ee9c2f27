import { z } from 'zod';
import { defineContract } from '../contract/index.ts';

/** Why a scan was asked for: the day plan, or a person (`sec-an scan`). */
export const scanOrigins = ['plan', 'on-demand'] as const;

/**
 * A request to scan targets with one task. The request id lets a scanner drop a duplicate delivery
 * (the delay queue and SNS deliver at least once).
 */
export const scanRequestV1 = defineContract({
  name: 'scan-request',
  version: 1,
  shape: {
    requestId: z.uuid(),
    task: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/),
    targets: z.array(z.string().min(1).max(253)).min(1).max(256),
    origin: z.enum(scanOrigins),
    requestedAt: z.iso.datetime(),
  },
  attributes: (request) => ({ task: request.task, origin: request.origin }),
});

/** A valid message, for the message catalogue and for tests. */
export const scanRequestV1Example = {
  contract: 'scan-request',
  version: 1,
  requestId: '0b7c5d1e-8a57-4c55-9c8e-5f3f7b9b0a11',
  task: 'nmap-scanner',
  targets: ['198.51.100.7'],
  origin: 'on-demand',
  requestedAt: '2026-11-21T10:00:00.000Z',
} as const satisfies z.input<typeof scanRequestV1.schema>;
