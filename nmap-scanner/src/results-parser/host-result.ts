import { entityKey } from '@sec-an/contracts/entity-key';
import type { ResultDocument, ScanResult } from '@sec-an/contracts/scan-result';
import type { RawScanMetadata } from '../nmap-run/index.ts';
import { hostDocument, hostSummaryDocument } from './host-documents.ts';
import type { NmapHost } from './nmap-host.ts';
import { nmapTask, parserVersion } from './parser-identity.ts';
import {
  certificateDocument,
  cveDocuments,
  portDocument,
  portFacts,
  tlsCipherDocuments,
} from './port-documents.ts';
import type { PortFinding } from './port-finding.ts';

/** What every result of one raw object shares. */
export interface ResultContext {
  readonly raw: { readonly bucket: string; readonly key: string };
  readonly metadata: RawScanMetadata;
}

/** One host's result message and its port-level findings. */
export interface HostScanOutput {
  readonly result: ScanResult;
  readonly ports: readonly PortFinding[];
}

/** Entity keys are unique per type; a repeated entity (a cipher listed twice) keeps its first document. */
const unique = (documents: readonly ResultDocument[]): ResultDocument[] => {
  const seen = new Set<string>();
  return documents.filter((document) => !seen.has(document.key) && seen.add(document.key) !== undefined);
};

const hostsOf = (context: ResultContext, address: string): string[] =>
  context.metadata.targets.find((target) => target.address === address)?.hosts ?? [];

const scanIdOf = (context: ResultContext, address: string): string =>
  `${nmapTask}/${context.metadata.requestId}/${address}`;

const envelope = (
  context: ResultContext,
  address: string,
  times: { startedAt: string; endedAt: string },
) => ({
  contract: 'scan-result' as const,
  version: 1 as const,
  task: nmapTask,
  scanId: scanIdOf(context, address),
  requestId: context.metadata.requestId,
  ...times,
  parserVersion,
  raw: context.raw,
  subject: { key: entityKey({ address }), label: address },
});

/**
 * A host's result. Complete only when nmap finished the host in a scan that ran to its end: a host that timed
 * out, a down host (nmap's ping saw nothing, which does not prove a port closed), the host a document was cut
 * in, or any host of a scan stopped at its timeout is partial, so that nothing is removed from its snapshot.
 */
export const hostResult = (host: NmapHost, context: ResultContext, finished: boolean): HostScanOutput => {
  const times = {
    startedAt: host.startedAt ?? context.metadata.startedAt,
    endedAt: host.endedAt ?? context.metadata.endedAt,
  };
  const dnsNames = hostsOf(context, host.address);
  const facts = host.ports.map(portFacts);
  const complete =
    finished && context.metadata.completion === 'complete' && !host.timedOut && host.state === 'up';
  const base = envelope(context, host.address, times);
  const result: ScanResult = {
    ...base,
    coverage: complete ? 'complete' : 'partial',
    documents: {
      host: [hostDocument(host, dnsNames)],
      port: unique(facts.map((fact) => portDocument(host, fact, times.endedAt))),
      certificate: unique(facts.flatMap((fact) => certificateDocument(host, fact, times.endedAt))),
      'tls-cipher': unique(facts.flatMap((fact) => tlsCipherDocuments(host, fact))),
      cve: unique(facts.flatMap((fact) => cveDocuments(host, fact))),
      'host-summary': [hostSummaryDocument(host, facts, dnsNames)],
    },
  };
  const ports = facts
    .filter((fact) => fact.port.state === 'open')
    .map(
      (fact): PortFinding => ({
        contract: 'port-finding',
        version: 1,
        task: nmapTask,
        scanId: base.scanId,
        requestId: context.metadata.requestId,
        endedAt: times.endedAt,
        raw: context.raw,
        address: host.address,
        addressType: host.addressType,
        hosts: dnsNames,
        port: fact.port.port,
        protocol: fact.port.protocol,
        state: fact.port.state,
        ...(fact.port.service?.name === undefined ? {} : { service: fact.port.service.name }),
        ...(fact.port.service?.product === undefined ? {} : { product: fact.port.service.product }),
        ...(fact.port.service?.version === undefined ? {} : { productVersion: fact.port.service.version }),
        ...(fact.port.service?.tunnel === undefined ? {} : { tunnel: fact.port.service.tunnel }),
        tls: fact.tls,
      }),
    );
  return { result, ports };
};

/**
 * A target nmap wrote nothing about (the scan was stopped before it, or the document cut): a partial result
 * whose host document says the status is unknown, so the scan is on record and no snapshot loses anything.
 */
export const unreportedTargetResult = (
  target: RawScanMetadata['targets'][number],
  context: ResultContext,
  reason: string,
): HostScanOutput => ({
  result: {
    ...envelope(context, target.address, {
      startedAt: context.metadata.startedAt,
      endedAt: context.metadata.endedAt,
    }),
    coverage: 'partial',
    documents: {
      host: [
        {
          key: entityKey({ address: target.address }),
          fields: {
            address: target.address,
            addressType: target.addressType,
            status: 'unknown',
            statusReason: reason,
            dnsNames: target.hosts,
          },
        },
      ],
    },
  },
  ports: [],
});
