import { mapConcurrently } from '@sec-an/runtime/concurrency';
import { fetchTls13Certificates } from '../certificates/index.ts';
import {
  cipherSuiteByCode,
  type Endpoint,
  type ExchangeStatus,
  exchangeHello,
  type KeyExchangeParameters,
  legacySuiteCodes,
  type ProtocolVersion,
  parseServerKeyExchange,
  type ServerFlight,
  sslv2Ciphers,
  sslv2ClientHello,
  tls12CurveCodes,
  tls13GroupCodes,
  tls13SuiteCodes,
} from '../handshake/index.ts';
import { budget } from './budget.ts';
import { enumerateCipherSuites, serverChoosesOrder } from './cipher-enumeration.ts';
import { enumerateGroups } from './groups.ts';
import type { HelloAnswer, ProbeTarget } from './hello-probe.ts';
import { helloProbe } from './hello-probe.ts';

export interface ProtocolFinding {
  readonly version: ProtocolVersion;
  readonly offered: boolean;
  /** How the protocol's probe ended when the server did not offer it (alert, close...). */
  readonly status: ExchangeStatus | 'budget-spent';
  /** Accepted suites; in the server's preference order when `serverOrder` is true. */
  readonly cipherSuites: readonly number[];
  readonly serverOrder?: boolean;
  /** Key exchange groups the server accepted, in its order. */
  readonly groups: readonly number[];
  /** Key exchange parameters seen per suite (DH prime size, curve, export RSA key). */
  readonly keyExchange: ReadonlyMap<number, KeyExchangeParameters>;
  /** Enumeration stopped on a failure or the budget, so the lists may be short. */
  readonly partial: boolean;
  /** Every byte the server sent in answer to the first accepted hello, for the raw record; absent if not offered. */
  readonly serverFlight?: Uint8Array;
}

/** How the scan as a whole ended: `scanned` when the endpoint spoke TLS, otherwise why it could not be scanned. */
export type EndpointStatus =
  | 'scanned'
  | 'no-tls'
  | 'plain-http'
  | 'malformed'
  | 'refused'
  | 'unreachable'
  | 'timeout'
  | 'closed'
  | 'budget-spent';

export interface EndpointScan {
  readonly endpoint: Endpoint;
  readonly serverName?: string;
  readonly status: EndpointStatus;
  readonly detail?: string;
  readonly protocols: readonly ProtocolFinding[];
  /**
   * The certificate chain of the first TLS <= 1.2 answer (DER, leaf first), or SSLv2's certificate, or for a
   * server that only speaks TLS 1.3 the chain read through Node's TLS (see `certificateSource`).
   */
  readonly certificates: readonly Uint8Array[];
  /** Where `certificates` came from; `tls13-session` chains are in issuing order, not necessarily as served. */
  readonly certificateSource?: CertificateSource;
  readonly elapsedMs: number;
}

export type CertificateSource = 'clear-handshake' | 'sslv2' | 'tls13-session';

export interface EndpointScanOptions {
  readonly serverName?: string;
  readonly totalBudgetMs?: number;
  readonly connectionTimeoutMs?: number;
  /** Connections open at once to this endpoint. */
  readonly concurrency?: number;
}

type TlsVersion = Exclude<ProtocolVersion, 'SSLv2'>;
const tlsVersions: readonly TlsVersion[] = ['SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

const unreachableStatus: Partial<Record<ExchangeStatus | 'budget-spent', EndpointStatus>> = {
  'plain-http': 'plain-http',
  malformed: 'malformed',
  refused: 'refused',
  unreachable: 'unreachable',
  'connect-timeout': 'timeout',
  'no-answer': 'timeout',
  'answer-timeout': 'timeout',
  oversized: 'malformed',
  'budget-spent': 'budget-spent',
};

const keyExchangeOf = (answers: ReadonlyMap<number, HelloAnswer>): Map<number, KeyExchangeParameters> =>
  new Map(
    [...answers].flatMap(([code, answer]) => {
      const body = answer.flight?.serverKeyExchange;
      const suite = cipherSuiteByCode(code);
      if (body === undefined || suite === undefined) return [];
      try {
        const parameters = parseServerKeyExchange(body, suite.keyExchange);
        return parameters === undefined ? [] : [[code, parameters] as const];
      } catch {
        return [];
      }
    }),
  );

const chosenCurve = (flight: ServerFlight): number | undefined => {
  const body = flight.serverKeyExchange;
  const suite = cipherSuiteByCode(flight.serverHello.cipherSuite);
  if (body === undefined || suite === undefined) return undefined;
  try {
    const parameters = parseServerKeyExchange(body, suite.keyExchange);
    return parameters?.kind === 'ecdh' ? parameters.namedGroup : undefined;
  } catch {
    return undefined;
  }
};

const scanTlsVersion = async (target: ProbeTarget, version: TlsVersion): Promise<ProtocolFinding> => {
  const candidates = version === 'TLSv1.3' ? tls13SuiteCodes : legacySuiteCodes;
  const enumeration = await enumerateCipherSuites(target, version, candidates);
  const offered = enumeration.accepted.length > 0;
  const serverFlight = offered ? enumeration.first?.exchange?.received : undefined;
  const serverOrder = offered ? await serverChoosesOrder(target, version, enumeration.accepted) : undefined;
  const ecdhe = enumeration.accepted.filter((code) => cipherSuiteByCode(code)?.keyExchange === 'ECDHE');
  const groups =
    version === 'TLSv1.3' && offered
      ? await enumerateGroups(
          target,
          version,
          enumeration.accepted,
          tls13GroupCodes,
          (f) => f.serverHello.keyShareGroup,
        )
      : ecdhe.length > 0
        ? await enumerateGroups(target, version, ecdhe, tls12CurveCodes, chosenCurve)
        : [];
  return {
    version,
    offered,
    status: enumeration.first?.status ?? 'budget-spent',
    cipherSuites: enumeration.accepted,
    ...(serverOrder === undefined ? {} : { serverOrder }),
    groups,
    keyExchange: keyExchangeOf(enumeration.answers),
    partial: !['alert', 'closed-before-answer', 'reset', 'closed-mid-handshake'].includes(enumeration.end),
    ...(serverFlight === undefined ? {} : { serverFlight }),
  };
};

const scanSslv2 = async (
  target: ProbeTarget,
): Promise<{ finding: ProtocolFinding; certificate?: Uint8Array }> => {
  const timeoutMs = target.budget.nextConnectionMs();
  const exchange =
    timeoutMs > 0
      ? await exchangeHello(target.endpoint, sslv2ClientHello(sslv2Ciphers.map((c) => c.code)), {
          timeoutMs,
          expect: 'sslv2',
        })
      : undefined;
  const hello = exchange?.reading?.kind === 'sslv2' ? exchange.reading.hello : undefined;
  const offered = hello !== undefined && hello.version === 0x0002 && hello.cipherSpecs.length > 0;
  const finding: ProtocolFinding = {
    version: 'SSLv2',
    offered,
    status: exchange?.status ?? 'budget-spent',
    cipherSuites: offered ? hello.cipherSpecs : [],
    groups: [],
    keyExchange: new Map(),
    partial: false,
    ...(offered && exchange !== undefined ? { serverFlight: exchange.received } : {}),
  };
  return offered ? { finding, certificate: hello.certificate } : { finding };
};

interface ServedChain {
  readonly certificates: readonly Uint8Array[];
  readonly certificateSource?: CertificateSource;
}

/** TLS 1.3 encrypts the Certificate message, so a TLS 1.3-only server's chain is read in a real session. */
const servedChain = async (
  target: ProbeTarget,
  protocols: readonly ProtocolFinding[],
  clear: readonly Uint8Array[],
  sslv2: Uint8Array | undefined,
): Promise<ServedChain> => {
  if (clear.length > 0) return { certificates: clear, certificateSource: 'clear-handshake' };
  if (sslv2 !== undefined) return { certificates: [sslv2], certificateSource: 'sslv2' };
  const tls13 = protocols.some((protocol) => protocol.version === 'TLSv1.3' && protocol.offered);
  const timeoutMs = target.budget.nextConnectionMs();
  if (!tls13 || timeoutMs <= 0) return { certificates: [] };
  const fetched = await fetchTls13Certificates(target.endpoint, target.serverName, timeoutMs);
  return fetched.certificates.length === 0
    ? { certificates: [] }
    : { certificates: fetched.certificates, certificateSource: 'tls13-session' };
};

/** Probe endings that say the server dropped the connection rather than answering in TLS. */
const closings: ReadonlySet<ProtocolFinding['status']> = new Set([
  'closed-before-answer',
  'closed-mid-handshake',
  'reset',
]);

/** Probe endings that say the server kept silent. */
const silences: ReadonlySet<ProtocolFinding['status']> = new Set([
  'no-answer',
  'answer-timeout',
  'connect-timeout',
]);

/**
 * Why an endpoint that offered no protocol could not be scanned: the budget ran out; or it cut a handshake it had
 * begun, or closed every TLS hello without an answer (`closed`); or it left every TLS hello unanswered
 * (`timeout`, as a tarpit that answered only the first); or it answered in TLS and refused every protocol
 * (`no-tls`).
 */
const unofferedStatus = (
  target: ProbeTarget,
  protocols: readonly ProtocolFinding[],
): { status: EndpointStatus; detail?: string } => {
  if (target.budget.spent()) return { status: 'budget-spent' };
  // SSL 2.0's probe reads another record format, so a server's TLS bytes may look malformed to it: the TLS
  // probes alone tell whether the server ever answered in TLS
  const tls = protocols.filter((protocol) => protocol.version !== 'SSLv2');
  const cut = tls.some((protocol) => protocol.status === 'closed-mid-handshake');
  if (cut || tls.every((protocol) => closings.has(protocol.status))) {
    const endings = [...new Set(tls.map((protocol) => protocol.status))].join(', ');
    return { status: 'closed', detail: `no handshake was completed: the server closed it (${endings})` };
  }
  if (tls.every((protocol) => silences.has(protocol.status))) {
    return { status: 'timeout', detail: 'every TLS hello went unanswered within the connection timeout' };
  }
  return { status: 'no-tls' };
};

/**
 * Scans one endpoint with one server name (or none): a first TLS hello tells whether it speaks TLS at all, then
 * every protocol from SSL 2.0 to TLS 1.3 is enumerated with at most `concurrency` connections at once, all within
 * the endpoint's budget.
 */
export const scanEndpoint = async (
  endpoint: Endpoint,
  options: EndpointScanOptions = {},
): Promise<EndpointScan> => {
  const started = performance.now();
  const target: ProbeTarget = {
    endpoint,
    budget: budget(options.totalBudgetMs ?? 60_000, options.connectionTimeoutMs ?? 5_000),
    ...(options.serverName === undefined ? {} : { serverName: options.serverName }),
  };
  const base = { endpoint, ...(options.serverName === undefined ? {} : { serverName: options.serverName }) };
  const first = await helloProbe(target, 'TLSv1.2', legacySuiteCodes);
  const stop = unreachableStatus[first.status];
  if (stop !== undefined) {
    return {
      ...base,
      status: stop,
      ...(first.exchange?.detail === undefined ? {} : { detail: first.exchange.detail }),
      protocols: [],
      certificates: [],
      elapsedMs: performance.now() - started,
    };
  }
  const tasks: (() => Promise<{ finding: ProtocolFinding; certificate?: Uint8Array }>)[] = [
    () => scanSslv2(target),
    ...tlsVersions.map((version) => async () => ({ finding: await scanTlsVersion(target, version) })),
  ];
  const results = await mapConcurrently(tasks, options.concurrency ?? 3, (task) => task());
  const protocols = results.map((result) => result.finding);
  const offered = protocols.some((protocol) => protocol.offered);
  const chain = await servedChain(
    target,
    protocols,
    first.flight?.certificates ?? [],
    results[0]?.certificate,
  );
  return {
    ...base,
    ...(offered ? { status: 'scanned' as const } : unofferedStatus(target, protocols)),
    protocols,
    ...chain,
    elapsedMs: performance.now() - started,
  };
};
