import { portFindingV1 } from '@sec-an/contracts/port-finding';
import { tlsScanRequestV1 } from '@sec-an/contracts/tls-scan-request';
import { readMessage, type SqsDelivery } from '@sec-an/runtime/sns';
import type { PortFinding, TlsScanInput, TlsScanRequest } from './scan-job.ts';

/** What the input queue takes: nmap's port findings (through the subscription) and direct requests. */
export const acceptedInputs = [portFindingV1, tlsScanRequestV1] as const;

// The contracts type `contract` as a string, so the name alone does not narrow the union.
const isDirectRequest = (message: PortFinding | TlsScanRequest): message is TlsScanRequest =>
  message.contract === tlsScanRequestV1.name;

/**
 * The message a queue record carries, by whichever accepted contract it declares. A body that is not JSON or not
 * a valid message of either contract is a ContractViolationError, dead-lettered at once.
 */
export const readScanInput = async (delivery: SqsDelivery): Promise<TlsScanInput> => {
  const { message } = await readMessage(acceptedInputs, delivery);
  return isDirectRequest(message)
    ? { contract: 'tls-scan-request', message }
    : { contract: 'port-finding', message };
};
