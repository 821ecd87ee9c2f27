import { z } from 'zod';
import { defineContract } from '../contract/index.ts';
import { hostName, ipAddress } from '../scan-request/index.ts';
import { taskName } from '../scan-result/index.ts';

/**
 * One open port a primary scanner found, for secondary scanners: its attributes are what their subscriptions
 * filter on (a TLS scanner takes `tls = true`). It carries the target's host names, which a TLS scan needs for
 * SNI. The topic names the task, and the product version is in the body only: the seven attributes and the
 * contract's own two leave one of SQS's ten for a dead letter's failure description.
 */
export const portFindingV1 = defineContract({
  name: 'port-finding',
  version: 1,
  shape: {
    task: taskName,
    scanId: z.string().min(1).max(200),
    requestId: z.uuid(),
    endedAt: z.iso.datetime(),
    raw: z.strictObject({ bucket: z.string().min(3).max(63), key: z.string().min(1).max(1024) }),
    address: ipAddress,
    addressType: z.enum(['ipv4', 'ipv6']),
    hosts: z.array(hostName).max(1000),
    port: z.int().min(0).max(65535),
    protocol: z.string().min(1).max(10),
    state: z.string().min(1).max(30),
    service: z.string().max(100).optional(),
    product: z.string().max(200).optional(),
    /** Not `version`, which is the contract's. */
    productVersion: z.string().max(200).optional(),
    tunnel: z.string().max(20).optional(),
    tls: z.boolean(),
  },
  attributes: (finding) => ({
    address: finding.address,
    addressType: finding.addressType,
    port: finding.port,
    protocol: finding.protocol,
    service: finding.service,
    product: finding.product,
    tls: finding.tls,
  }),
});

/** A valid message, for the message catalogue and for tests. */
export const portFindingV1Example = {
  contract: 'port-finding',
  version: 1,
  task: 'nmap-scanner',
  scanId: 'nmap-scanner/0b7c5d1e-8a57-4c55-9c8e-5f3f7b9b0a11/198.51.100.7',
  requestId: '0b7c5d1e-8a57-4c55-9c8e-5f3f7b9b0a11',
  endedAt: '2026-11-21T10:09:02.000Z',
  raw: {
    bucket: 'sec-an-dev-nmap-scanner-nmap-scanner-raw-results',
    key: 'raw/2026/11/21/0b7c5d1e-8a57-4c55-9c8e-5f3f7b9b0a11/nmap.xml.gz',
  },
  address: '198.51.100.7',
  addressType: 'ipv4',
  hosts: ['www.example.com'],
  port: 443,
  protocol: 'tcp',
  state: 'open',
  service: 'http',
  product: 'nginx',
  productVersion: '1.26.2',
  tunnel: 'ssl',
  tls: true,
} as const satisfies z.input<typeof portFindingV1.schema>;
