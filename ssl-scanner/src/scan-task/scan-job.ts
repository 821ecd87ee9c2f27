import type { Message } from '@sec-an/contracts/contract';
import type { portFindingV1 } from '@sec-an/contracts/port-finding';
import type { tlsScanRequestV1 } from '@sec-an/contracts/tls-scan-request';
import { parseAddress } from '@sec-an/runtime/scan-scope';
import type { Endpoint } from '../handshake/index.ts';
import { NoScannableTargetError } from './target-errors.ts';

export type PortFinding = Message<typeof portFindingV1>;
export type TlsScanRequest = Message<typeof tlsScanRequestV1>;

/** What the task was asked, kept whole in the raw object: the lake holds the question with the answer. */
export type TlsScanInput =
  | { readonly contract: 'port-finding'; readonly message: PortFinding }
  | { readonly contract: 'tls-scan-request'; readonly message: TlsScanRequest };

/** One endpoint to scan, and the names the message gave for it. */
export interface TlsScanJob {
  /** The request the scan answers: nmap's for a port finding (one per address), the request's own otherwise. */
  readonly requestId: string;
  /** The address in canonical form (an IPv4-mapped IPv6 address is its IPv4 address). */
  readonly endpoint: Endpoint;
  readonly hosts: readonly string[];
  readonly input: TlsScanInput;
}

/** The unspecified address would reach the scanner's own machine, and broadcast or multicast many hosts. */
const unscannableRanges = new Set(['unspecified', 'broadcast', 'multicast']);

const canonicalAddress = (text: string, what: string): string => {
  const address = parseAddress(text);
  if (address === undefined)
    throw new NoScannableTargetError(`${what}: ${JSON.stringify(text)} is not an address`);
  const range = address.range();
  if (unscannableRanges.has(range)) {
    throw new NoScannableTargetError(
      `${what}: ${text} is a ${range} address, not one host that can be scanned`,
    );
  }
  return address.toString();
};

const jobOfPortFinding = (finding: PortFinding): TlsScanJob => {
  const what = `port finding ${finding.address}:${finding.port}/${finding.protocol} of ${finding.scanId}`;
  if (finding.protocol !== 'tcp') {
    throw new NoScannableTargetError(`${what}: the TLS scanner scans TCP ports only`);
  }
  if (finding.state !== 'open') {
    throw new NoScannableTargetError(`${what}: the port is ${finding.state}, not open`);
  }
  if (!finding.tls) {
    throw new NoScannableTargetError(
      `${what}: the port does not speak TLS by the finding; send a tls-scan-request to scan it anyway`,
    );
  }
  if (finding.port === 0) throw new NoScannableTargetError(`${what}: port 0 cannot be connected to`);
  return {
    requestId: finding.requestId,
    endpoint: { address: canonicalAddress(finding.address, what), port: finding.port },
    hosts: finding.hosts,
    input: { contract: 'port-finding', message: finding },
  };
};

const jobOfRequest = (request: TlsScanRequest): TlsScanJob => {
  const { address, port, hosts } = request.target;
  const what = `tls-scan-request ${request.requestId} for ${address}:${port}`;
  return {
    requestId: request.requestId,
    endpoint: { address: canonicalAddress(address, what), port },
    hosts,
    input: { contract: 'tls-scan-request', message: request },
  };
};

/** The endpoint a message asks to scan, or a NoScannableTargetError saying why there is none. */
export const scanJobOf = (input: TlsScanInput): TlsScanJob =>
  input.contract === 'port-finding' ? jobOfPortFinding(input.message) : jobOfRequest(input.message);
