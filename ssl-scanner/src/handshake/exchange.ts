import { connect } from 'node:net';
import { type FlightReading, readServerFlight } from './server-flight.ts';

export interface Endpoint {
  /** The address to connect to (the name, if any, travels in SNI). */
  readonly address: string;
  readonly port: number;
}

/**
 * How one ClientHello exchange ended. `answered`: a ServerHello (or SSLv2 SERVER-HELLO) was read; `alert`: the
 * server refused with a TLS alert; the rest name what went wrong, so a scan never ends in an unexplained error.
 */
export type ExchangeStatus =
  | 'answered'
  | 'alert'
  | 'plain-http'
  | 'malformed'
  | 'closed-before-answer'
  | 'closed-mid-handshake'
  | 'reset'
  | 'no-answer'
  | 'answer-timeout'
  | 'connect-timeout'
  | 'refused'
  | 'unreachable'
  | 'oversized';

export interface ExchangeResult {
  readonly status: ExchangeStatus;
  readonly reading?: Exclude<FlightReading, { kind: 'incomplete' }>;
  /** Every byte the server sent, kept for the raw record of the scan. */
  readonly received: Buffer;
  readonly elapsedMs: number;
  readonly detail?: string;
}

export interface ExchangeOptions {
  /** The whole exchange, connection included, ends within this time. */
  readonly timeoutMs: number;
  readonly expect?: 'tls' | 'sslv2';
  readonly maxBytes?: number;
}

const statusOf = (reading: Exclude<FlightReading, { kind: 'incomplete' }>): ExchangeStatus => {
  if (reading.kind === 'flight' || reading.kind === 'sslv2') return 'answered';
  return reading.kind;
};

const errorStatus = (code: string | undefined, connected: boolean, received: number): ExchangeStatus => {
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'EPIPE')
    return connected && received > 0 ? 'closed-mid-handshake' : 'reset';
  return 'unreachable';
};

/**
 * Connects, sends the hello, and reads until the answer is known. Always resolves: refusals, resets, garbage
 * and silence become statuses, and the socket is destroyed before it resolves.
 */
export const exchangeHello = (
  endpoint: Endpoint,
  hello: Buffer,
  options: ExchangeOptions,
): Promise<ExchangeResult> =>
  new Promise((resolve) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    let received = 0;
    let connected = false;
    let settled = false;
    const socket = connect({ host: endpoint.address, port: endpoint.port });
    const finish = (
      status: ExchangeStatus,
      extra: Partial<Pick<ExchangeResult, 'reading' | 'detail'>> = {},
    ): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status, received: Buffer.concat(chunks), elapsedMs: performance.now() - started, ...extra });
    };
    const timer = setTimeout(() => {
      finish(!connected ? 'connect-timeout' : received === 0 ? 'no-answer' : 'answer-timeout');
    }, options.timeoutMs);
    socket.setNoDelay(true);
    socket.once('connect', () => {
      connected = true;
      socket.write(hello);
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (received > (options.maxBytes ?? 262_144)) {
        finish('oversized', {
          detail: `more than ${options.maxBytes ?? 262_144} bytes before the handshake's end`,
        });
        return;
      }
      const reading = readServerFlight(Buffer.concat(chunks), options.expect ?? 'tls');
      if (reading.kind !== 'incomplete') {
        finish(statusOf(reading), {
          reading,
          ...(reading.kind === 'malformed' ? { detail: reading.reason } : {}),
        });
      }
    });
    socket.once('end', () => finish(received === 0 ? 'closed-before-answer' : 'closed-mid-handshake'));
    socket.once('close', () => finish(received === 0 ? 'closed-before-answer' : 'closed-mid-handshake'));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      finish(errorStatus(error.code, connected, received), { detail: error.code ?? error.message }),
    );
  });
