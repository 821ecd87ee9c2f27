import { randomUUID } from 'node:crypto';
import type { Message } from '@sec-an/contracts/contract';
import type { scanRequestV1 } from '@sec-an/contracts/scan-request';

type ScanRequest = Message<typeof scanRequestV1>;

/** A day's worth of planned scans and a few that a person asked for, over documentation addresses. */
export const smokeScanRequests = (plannedCount: number, onDemandCount: number): ScanRequest[] => {
  const request = (origin: ScanRequest['origin'], index: number): ScanRequest => ({
    contract: 'scan-request',
    version: 1,
    requestId: randomUUID(),
    target: { address: `192.0.2.${index + 1}`, hosts: [] },
    origin,
    requestedAt: new Date().toISOString(),
  });
  return [
    ...Array.from({ length: plannedCount }, (_, index) => request('plan', index)),
    ...Array.from({ length: onDemandCount }, (_, index) => request('on-demand', plannedCount + index)),
  ];
};
