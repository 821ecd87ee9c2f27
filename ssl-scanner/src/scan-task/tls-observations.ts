import { gunzipSync, gzipSync } from 'node:zlib';
import { portFindingV1 } from '@sec-an/contracts/port-finding';
import { hostName, ipAddress } from '@sec-an/contracts/scan-request';
import { tlsScanRequestV1 } from '@sec-an/contracts/tls-scan-request';
import { PermanentError } from '@sec-an/runtime/errors';
import { z } from 'zod';
import { type Endpoint, type ExchangeStatus, protocolVersions } from '../handshake/index.ts';
import type { EndpointScan, EndpointStatus, ProtocolFinding } from '../probe/index.ts';
import { tlsTask } from './task-identity.ts';

/** Written as records so that the compiler checks each list holds every status of its type, and no other. */
const endpointStatusNames: Record<EndpointStatus, true> = {
  scanned: true,
  'no-tls': true,
  'plain-http': true,
  malformed: true,
  refused: true,
  unreachable: true,
  timeout: true,
  closed: true,
  'budget-spent': true,
};
const exchangeStatusNames: Record<ExchangeStatus | 'budget-spent', true> = {
  answered: true,
  alert: true,
  'plain-http': true,
  malformed: true,
  'closed-before-answer': true,
  'closed-mid-handshake': true,
  reset: true,
  'no-answer': true,
  'answer-timeout': true,
  'connect-timeout': true,
  refused: true,
  unreachable: true,
  oversized: true,
  'budget-spent': true,
};
const namesOf = <T extends string>(record: Record<T, true>) => Object.keys(record) as [T, ...T[]];

/** How one scan of an endpoint ended: the probe's statuses, or `out-of-scope` when the scope forbade it. */
export type ObservationStatus = EndpointStatus | 'out-of-scope';

const code16 = z.int().min(0).max(0xffff);

const keyExchangeParameters = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('dh'),
    primeBits: z.int().nonnegative(),
    generator: z.number().nonnegative(),
  }),
  z.strictObject({ kind: z.literal('ecdh'), namedGroup: code16 }),
  z.strictObject({ kind: z.literal('ecdh-explicit') }),
  z.strictObject({ kind: z.literal('rsa'), modulusBits: z.int().nonnegative() }),
]);

const protocolObservation = z.strictObject({
  version: z.enum(protocolVersions),
  offered: z.boolean(),
  status: z.enum(namesOf(exchangeStatusNames)),
  /** In the server's preference order when `serverOrder` is true. */
  cipherSuites: z.array(code16),
  serverOrder: z.boolean().optional(),
  groups: z.array(code16),
  keyExchange: z.array(z.strictObject({ cipherSuite: code16, parameters: keyExchangeParameters })),
  partial: z.boolean(),
  /** Base64 of every byte the server sent to the first accepted hello of this protocol. */
  serverFlight: z.base64().optional(),
});

const observation = z.strictObject({
  /** Absent for the scan without SNI. */
  serverName: hostName.optional(),
  status: z.enum([...namesOf(endpointStatusNames), 'out-of-scope']),
  detail: z.string().optional(),
  elapsedMs: z.number().nonnegative(),
  protocols: z.array(protocolObservation),
  /** Base64 DER, leaf first, as served. */
  certificates: z.array(z.base64()),
});

/**
 * `tls-observations` v1: everything one scan task run saw of one endpoint, the lake's truth from which the parser
 * recomputes every document. One gzipped JSON object per endpoint and request.
 */
export const tlsObservationsV1 = z.strictObject({
  format: z.literal('tls-observations'),
  version: z.literal(1),
  scanner: z.strictObject({ name: z.literal(tlsTask), version: z.string().min(1) }),
  /** The message the scan answers, whole. */
  request: z.discriminatedUnion('contract', [
    z.strictObject({ contract: z.literal('port-finding'), message: portFindingV1.schema }),
    z.strictObject({ contract: z.literal('tls-scan-request'), message: tlsScanRequestV1.schema }),
  ]),
  target: z.strictObject({ address: ipAddress, port: z.int().min(1).max(65535) }),
  names: z.strictObject({
    scanned: z.array(hostName),
    omitted: z.array(z.strictObject({ name: hostName, reason: z.enum(['wildcard', 'over-limit']) })),
    /** Names the inventory added to a direct request's own. */
    fromInventory: z.array(hostName),
    limit: z.int().positive(),
  }),
  scope: z.strictObject({ inScope: z.boolean(), reason: z.string() }),
  settings: z.strictObject({
    maxNames: z.int().positive(),
    scanBudgetMs: z.int().nonnegative(),
    connectionTimeoutMs: z.int().positive(),
    connectionsPerScan: z.int().positive(),
    scansAtOnce: z.int().positive(),
  }),
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime(),
  /** The scan without SNI first, then one per scanned name, in `names.scanned` order. */
  observations: z.array(observation),
});

export type TlsObservations = z.output<typeof tlsObservationsV1>;
export type Observation = z.output<typeof observation>;
export type ProtocolObservation = z.output<typeof protocolObservation>;

/** The raw object's name in the request's folder of the lake: one per endpoint, so per port of an address. */
export const tlsObservationsFile = (port: number): string => `tls-observations-${port}.json.gz`;

const base64Of = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const bytesOf = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));

const protocolObservationOf = (finding: ProtocolFinding): ProtocolObservation => ({
  version: finding.version,
  offered: finding.offered,
  status: finding.status,
  cipherSuites: [...finding.cipherSuites],
  ...(finding.serverOrder === undefined ? {} : { serverOrder: finding.serverOrder }),
  groups: [...finding.groups],
  keyExchange: [...finding.keyExchange].map(([cipherSuite, parameters]) => ({ cipherSuite, parameters })),
  partial: finding.partial,
  ...(finding.serverFlight === undefined ? {} : { serverFlight: base64Of(finding.serverFlight) }),
});

/** A scan as the raw object records it: bytes as base64, maps as lists. */
export const observationOf = (scan: EndpointScan): Observation => ({
  ...(scan.serverName === undefined ? {} : { serverName: scan.serverName }),
  status: scan.status,
  ...(scan.detail === undefined ? {} : { detail: scan.detail }),
  elapsedMs: Math.round(scan.elapsedMs),
  protocols: scan.protocols.map(protocolObservationOf),
  certificates: scan.certificates.map(base64Of),
});

/** A scan the scope forbade: no connection was made, so nothing but the reason is known. */
export const outOfScopeObservation = (serverName: string | undefined, reason: string): Observation => ({
  ...(serverName === undefined ? {} : { serverName }),
  status: 'out-of-scope',
  detail: reason,
  elapsedMs: 0,
  protocols: [],
  certificates: [],
});

/** A recorded scan as the probe reported it, for a parser: bytes and maps restored. */
export interface ObservedScan extends Omit<EndpointScan, 'status'> {
  readonly status: ObservationStatus;
}

const protocolFindingOf = (protocol: ProtocolObservation): ProtocolFinding => ({
  version: protocol.version,
  offered: protocol.offered,
  status: protocol.status,
  cipherSuites: protocol.cipherSuites,
  ...(protocol.serverOrder === undefined ? {} : { serverOrder: protocol.serverOrder }),
  groups: protocol.groups,
  keyExchange: new Map(protocol.keyExchange.map(({ cipherSuite, parameters }) => [cipherSuite, parameters])),
  partial: protocol.partial,
  ...(protocol.serverFlight === undefined ? {} : { serverFlight: bytesOf(protocol.serverFlight) }),
});

export const observedScanOf = (recorded: Observation, endpoint: Endpoint): ObservedScan => ({
  endpoint,
  ...(recorded.serverName === undefined ? {} : { serverName: recorded.serverName }),
  status: recorded.status,
  ...(recorded.detail === undefined ? {} : { detail: recorded.detail }),
  protocols: recorded.protocols.map(protocolFindingOf),
  certificates: recorded.certificates.map(bytesOf),
  elapsedMs: recorded.elapsedMs,
});

/** A raw object that is not `tls-observations` v1: it can never be parsed, so it is dead-lettered. */
export class TlsObservationsFormatError extends PermanentError {}

/** Far above any endpoint's record (17 scans of a few kilobytes each), far below a function's memory. */
const maxDecodedBytes = 64 * 1024 * 1024;

export const encodeTlsObservations = (observations: TlsObservations): Uint8Array =>
  gzipSync(JSON.stringify(observations));

/** Reads a raw object back; `where` names it in every error (its S3 URL). */
export const decodeTlsObservations = (bytes: Uint8Array, where: string): TlsObservations => {
  let text: string;
  try {
    text = gunzipSync(bytes, { maxOutputLength: maxDecodedBytes }).toString('utf8');
  } catch (error) {
    throw new TlsObservationsFormatError(
      `${where} is not gzip within ${maxDecodedBytes} bytes: ${String(error)}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new TlsObservationsFormatError(`${where} is not JSON: ${(error as Error).message}`);
  }
  const parsed = tlsObservationsV1.safeParse(value);
  if (!parsed.success) {
    throw new TlsObservationsFormatError(
      `${where} is not tls-observations v1:\n${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
};
