import { z } from 'zod';
import { defineContract } from '../contract/index.ts';
import { hostName, ipAddress, scanOrigins } from '../scan-request/index.ts';

/** One TLS endpoint and the names to present in SNI besides none at all. */
export const tlsScanTargetShape = z.strictObject({
  address: ipAddress,
  port: z.int().min(1).max(65535),
  hosts: z.array(hostName).max(1000),
});

/**
 * A request to scan one endpoint with the TLS scanner directly (`sec-an` or a person), outside the port findings it
 * takes from the primary scanners. It is sent to the TLS task's input queue, not published on the scan-request
 * topic: every primary scanner takes that topic's requests, and this one is for one secondary scanner only. The
 * scanner adds the address's current host names from task-execution's inventory to `hosts`.
 */
export const tlsScanRequestV1 = defineContract({
  name: 'tls-scan-request',
  version: 1,
  shape: {
    requestId: z.uuid(),
    target: tlsScanTargetShape,
    origin: z.enum(scanOrigins),
    requestedAt: z.iso.datetime(),
  },
  attributes: (request) => ({
    origin: request.origin,
    addressType: request.target.address.includes(':') ? 'ipv6' : 'ipv4',
    port: request.target.port,
  }),
});

/** A valid message, for the message catalogue and for tests. */
export const tlsScanRequestV1Example = {
  contract: 'tls-scan-request',
  version: 1,
  requestId: '5d1c2a7e-3b0f-4f5e-9a41-2c8e7d6b9f03',
  target: { address: '198.51.100.7', port: 8443, hosts: ['admin.example.com'] },
  origin: 'on-demand',
  requestedAt: '2026-11-21T10:00:00.000Z',
} as const satisfies z.input<typeof tlsScanRequestV1.schema>;
