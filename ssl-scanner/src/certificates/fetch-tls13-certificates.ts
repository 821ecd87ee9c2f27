import { isIP } from 'node:net';
import { connect, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import type { Endpoint } from '../handshake/index.ts';

/**
 * The chain a TLS 1.3 server sends, read through Node's TLS (TLS 1.3 encrypts its Certificate message, so the
 * scanner's own clear-text handshakes never see it). `fetched`: the handshake completed and the chain was read.
 */
export interface Tls13Certificates {
  readonly status: 'fetched' | 'failed' | 'timeout';
  /** DER, leaf first. Node links each certificate to its issuer, so the order is the issuing order, not the served one, and served certificates off that path are not seen. */
  readonly certificates: readonly Uint8Array[];
  readonly detail?: string;
}

/** Every TLS 1.3 suite and group OpenSSL knows, so no server is missed for want of a common one. */
const tls13Suites =
  'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256';
const groups = 'X25519:P-256:P-384:P-521:X448:ffdhe2048:ffdhe3072:ffdhe4096:ffdhe6144:ffdhe8192';

/** Walks Node's issuer links from the leaf; a self-signed certificate links to itself. */
const chainOf = (leaf: DetailedPeerCertificate): Uint8Array[] => {
  const chain: Uint8Array[] = [];
  const seen = new Set<DetailedPeerCertificate>();
  let current: DetailedPeerCertificate | undefined = leaf;
  while (current?.raw !== undefined && !seen.has(current)) {
    seen.add(current);
    chain.push(new Uint8Array(current.raw));
    current = current.issuerCertificate;
  }
  return chain;
};

const finish = (
  socket: TLSSocket,
  resolve: (result: Tls13Certificates) => void,
  result: Tls13Certificates,
): void => {
  socket.destroy();
  resolve(result);
};

/**
 * Completes one TLS 1.3 handshake (no verification: any chain is read, trusted or not) and returns the peer's
 * chain. `ca: []` keeps Node from appending a root of its own store that the server did not send.
 */
export const fetchTls13Certificates = (
  endpoint: Endpoint,
  serverName: string | undefined,
  timeoutMs: number,
): Promise<Tls13Certificates> =>
  new Promise((resolve) => {
    const socket = connect({
      host: endpoint.address,
      port: endpoint.port,
      ...(serverName === undefined || isIP(serverName) !== 0 ? {} : { servername: serverName }),
      minVersion: 'TLSv1.3',
      maxVersion: 'TLSv1.3',
      ciphers: `${tls13Suites}:ALL:@SECLEVEL=0`,
      ecdhCurve: groups,
      ca: [],
      rejectUnauthorized: false,
    });
    socket.setTimeout(timeoutMs, () =>
      finish(socket, resolve, {
        status: 'timeout',
        certificates: [],
        detail: `no handshake within ${timeoutMs} ms`,
      }),
    );
    socket.once('secureConnect', () =>
      finish(socket, resolve, { status: 'fetched', certificates: chainOf(socket.getPeerCertificate(true)) }),
    );
    socket.once('error', (error) =>
      finish(socket, resolve, { status: 'failed', certificates: [], detail: error.message }),
    );
  });
