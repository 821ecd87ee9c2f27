import type { z } from 'zod';
import { entityKey } from '../entity-key/index.ts';
import type { scanResultV1 } from './scan-result.ts';

const address = '198.51.100.7';

/** A valid message, for the message catalogue and for tests. */
export const scanResultV1Example = {
  contract: 'scan-result',
  version: 1,
  task: 'nmap-scanner',
  scanId: 'nmap-scanner/0b7c5d1e-8a57-4c55-9c8e-5f3f7b9b0a11/198.51.100.7',
  requestId: '0b7c5d1e-8a57-4c55-9c8e-5f3f7b9b0a11',
  startedAt: '2026-11-21T10:00:00.000Z',
  endedAt: '2026-11-21T10:02:13.000Z',
  parserVersion: '1.0.0',
  raw: {
    bucket: 'sec-an-dev-nmap-scanner-nmap-scanner-raw-results',
    key: 'raw/2026/11/21/0b7c5d1e-8a57-4c55-9c8e-5f3f7b9b0a11/nmap.xml.gz',
  },
  subject: { key: entityKey({ address }), label: address },
  coverage: 'complete',
  documents: {
    host: [{ key: entityKey({ address }), fields: { address, status: 'up' } }],
    port: [
      {
        key: entityKey({ address, port: 443, protocol: 'tcp' }),
        fields: { address, port: 443, protocol: 'tcp', state: 'open', service: 'https' },
      },
    ],
  },
} as const satisfies z.input<typeof scanResultV1.schema>;
