import { randomUUID } from 'node:crypto';
import type { Message } from '@sec-an/contracts/contract';
import { scanRequestV1 } from '@sec-an/contracts/scan-request';
import { type ParameterAddress, readParameter } from '@sec-an/runtime/parameters';
import { publishMessages } from '@sec-an/runtime/sns';
import type { ResolvedTarget } from './scan-target.ts';

export type ScanRequest = Message<typeof scanRequestV1>;

/** The topic every primary scanner subscribes to, as task-execution publishes it. */
export const scanRequestTopicParameter: ParameterAddress = {
  project: 'task-execution',
  thing: 'scan-request-topic',
  attribute: 'arn',
};

export const onDemandRequest = (target: ResolvedTarget, now: Date): ScanRequest => ({
  contract: 'scan-request',
  version: 1,
  requestId: randomUUID(),
  target: { address: target.address, hosts: [...target.hosts] },
  origin: 'on-demand',
  requestedAt: now.toISOString(),
});

/** Publishes one on-demand request per target to the scan-request topic and returns them as sent. */
export const sendScanRequests = async (
  targets: readonly ResolvedTarget[],
  now: Date,
): Promise<readonly ScanRequest[]> => {
  if (targets.length === 0) return [];
  const requests = targets.map((target) => onDemandRequest(target, now));
  await publishMessages(await readParameter(scanRequestTopicParameter), scanRequestV1, requests);
  return requests;
};
