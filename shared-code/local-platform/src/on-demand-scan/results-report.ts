import type { ResultDocument } from './result-documents.ts';
import type { ScanRequest } from './send-requests.ts';

type Fields = ResultDocument['source'];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/** An entity scanned twice under one request (a redelivered request) is reported as its latest scan saw it. */
const latestPerEntity = (documents: readonly ResultDocument[]): Fields[] => {
  const latest = new Map<string, Fields>();
  for (const { source } of documents) {
    const id = `${source.scan.task} ${source.entity.type} ${source.entity.key}`;
    const known = latest.get(id);
    if (known === undefined || known.scan.endedAt <= source.scan.endedAt) latest.set(id, source);
  }
  return [...latest.values()];
};

const portOrder = (a: Fields, b: Fields): number =>
  Number(a.port) - Number(b.port) || String(a.protocol).localeCompare(String(b.protocol));

const portLine = (port: Fields): string => {
  const product = [text(port.product), text(port.version)].filter((part) => part !== undefined).join(' ');
  return [
    `  open    ${`${text(port.port)}/${text(port.protocol)}`.padEnd(10)}`,
    (text(port.service) ?? '?').padEnd(12),
    product,
    port.tls === true ? ' (TLS)' : '',
  ]
    .join(' ')
    .trimEnd();
};

const tlsOrder = (a: Fields, b: Fields): number =>
  portOrder(a, b) || String(a.serverName ?? '').localeCompare(String(b.serverName ?? ''));

/** A TLS scan's verdict: the TLS scanner's endpoint document, one per port without SNI and per name. */
const gradeLine = (endpoint: Fields): string =>
  [
    `  tls     ${`${text(endpoint.port) ?? '?'}/tcp`.padEnd(10)}`,
    (text(endpoint.serverName) || '(no SNI)').padEnd(24),
    `grade ${(text(endpoint.grade) ?? text(endpoint.status) ?? '?').padEnd(3)}`,
    `best ${text(endpoint.bestProfile) ?? '?'}`,
    endpoint.nameMatches === false ? ' (certificate does not cover the name)' : '',
    endpoint.trusted === false ? ' (untrusted)' : '',
  ].join(' ');

const requestLines = (request: ScanRequest, documents: readonly ResultDocument[]): string[] => {
  const names = request.target.hosts.length === 0 ? '' : ` (${request.target.hosts.join(', ')})`;
  const heading = `${request.target.address}${names}  request ${request.requestId}`;
  const own = latestPerEntity(documents.filter(({ source }) => source.scan.requestId === request.requestId));
  if (own.length === 0) return [heading, '  no results yet'];
  const hosts = own.filter(({ entity }) => entity.type === 'host');
  const open = own.filter(({ entity, state }) => entity.type === 'port' && state === 'open').sort(portOrder);
  const graded = own.filter(({ entity }) => entity.type === 'tls-endpoint').sort(tlsOrder);
  return [
    heading,
    ...hosts.map(
      (host) => `  host    ${text(host.status) ?? 'unknown'}  (${host.scan.task}, ${host.scan.endedAt})`,
    ),
    ...(open.length === 0 ? ['  no open ports'] : open.map(portLine)),
    ...graded.map(gradeLine),
  ];
};

/** What the scans found, per requested address: its status, open ports and services, TLS grades. */
export const resultsReport = (
  requests: readonly ScanRequest[],
  documents: readonly ResultDocument[],
): string[] => requests.flatMap((request) => requestLines(request, documents));
