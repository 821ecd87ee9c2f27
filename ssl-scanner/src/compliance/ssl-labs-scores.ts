import type { ProtocolVersion } from '../handshake/index.ts';
import { type ExchangeStrength, exchangeStrength } from './key-strength.ts';
import { allOfferedSuites, offeredSuitesOf } from './offered-suites.ts';
import type { TlsFacts } from './tls-facts.ts';

/** Rating guide table 2, with TLS 1.3 scored as TLS 1.2 (guide 2009r). */
const protocolPoints: Readonly<Record<ProtocolVersion, number>> = {
  SSLv2: 20,
  SSLv3: 80,
  'TLSv1.0': 90,
  'TLSv1.1': 95,
  'TLSv1.2': 100,
  'TLSv1.3': 100,
};

/** Rating guide table 3. */
const exchangePoints = (strength: ExchangeStrength): number => {
  if (strength.kind === 'anonymous') return 0;
  if (strength.kind === 'export') return 40;
  if (strength.bits < 512) return 20;
  if (strength.bits < 1024) return 40;
  if (strength.bits < 2048) return 80;
  if (strength.bits < 4096) return 90;
  return 100;
};

/** Rating guide table 4. */
const cipherPoints = (bits: number): number => {
  if (bits === 0) return 0;
  if (bits < 128) return 20;
  if (bits < 256) return 80;
  return 100;
};

const bestPlusWorst = (points: readonly number[]): number =>
  points.length === 0 ? 0 : (Math.max(...points) + Math.min(...points)) / 2;

/** The best protocol's points plus the worst's, halved. */
export const protocolScore = (facts: TlsFacts): number =>
  bestPlusWorst(facts.protocols.map((protocol) => protocolPoints[protocol.version]));

/**
 * The weakest key exchange of any accepted suite: the guide scores the exchange an attacker can force, and the
 * strength of each is the weaker of its ephemeral parameters and the certificate key.
 */
export const keyExchangeScore = (facts: TlsFacts): number => {
  const points = facts.protocols.flatMap((protocol) =>
    offeredSuitesOf(protocol).flatMap((suite) => {
      const strength = exchangeStrength(suite, protocol, facts.certificate);
      return strength === undefined ? [] : [exchangePoints(strength)];
    }),
  );
  return points.length === 0 ? 0 : Math.min(...points);
};

/** The strongest cipher's points plus the weakest's, halved. */
export const cipherScore = (facts: TlsFacts): number =>
  bestPlusWorst(allOfferedSuites(facts).map((suite) => cipherPoints(suite.effectiveBits)));

/** 30% protocol, 30% key exchange, 40% cipher, rounded; a zero in any category makes the whole zero. */
export const overallScore = (protocol: number, keyExchange: number, cipher: number): number =>
  protocol === 0 || keyExchange === 0 || cipher === 0
    ? 0
    : Math.round((3 * protocol + 3 * keyExchange + 4 * cipher) / 10);
