import type { Message } from '@sec-an/contracts/contract';
import { parseMessage } from '@sec-an/contracts/contract';
import { scanRequestV1 } from '@sec-an/contracts/scan-request';
import { encodeAttributes, type OutgoingMessage } from '@sec-an/runtime/sns';
import type { PlannedScan } from './planned-scan.ts';

/** SQS delays a message by at most 15 minutes, which is why a bucket may not be longer. */
export const maxDelaySeconds = 900;

/**
 * Whole seconds until the planned moment, rounded up so that the message never becomes visible before it;
 * zero for a moment already past.
 */
export const delaySecondsUntil = (plannedAt: number, now: number): number =>
  Math.min(maxDelaySeconds, Math.max(0, Math.ceil((plannedAt - now) / 1000)));

export type ScanRequest = Message<typeof scanRequestV1>;

/** The scan request of a planned scan, checked against the contract (a ContractViolationError if it is not). */
export const scanRequestOf = (scan: PlannedScan, now: number): ScanRequest =>
  parseMessage(scanRequestV1, {
    contract: scanRequestV1.name,
    version: scanRequestV1.version,
    requestId: scan.requestId,
    target: { address: scan.address, hosts: [...scan.hosts] },
    origin: 'plan',
    requestedAt: new Date(now).toISOString(),
    plannedAt: new Date(scan.plannedAt).toISOString(),
  });

/** A message for the delay queue, with the contract's attributes for the topic's subscribers to filter on. */
export interface DelayedMessage extends OutgoingMessage {
  /** The planned scan's request id: unique within a bucket, and what a failure is reported by. */
  readonly id: string;
  /** When the message should become visible; its delay is counted from the moment it is sent. */
  readonly plannedAt: number;
}

export const delayedMessageOf = (scan: PlannedScan, now: number): DelayedMessage => {
  const request = scanRequestOf(scan, now);
  return {
    id: scan.requestId,
    body: JSON.stringify(request),
    attributes: encodeAttributes(scanRequestV1.attributes(request)),
    plannedAt: scan.plannedAt,
  };
};
