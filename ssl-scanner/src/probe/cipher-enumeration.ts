import type { ProtocolVersion } from '../handshake/index.ts';
import { type HelloAnswer, helloProbe, type ProbeTarget } from './hello-probe.ts';

export interface Enumeration {
  /** Suites in the order the server chose them while the chosen one was removed each time. */
  readonly accepted: readonly number[];
  /** The first answer, kept for its certificates and key exchange. */
  readonly first?: HelloAnswer;
  /** Every answer that carried a ServerKeyExchange, by suite. */
  readonly answers: ReadonlyMap<number, HelloAnswer>;
  /** How the enumeration stopped: refused (done), or a failure that leaves it partial. */
  readonly end: HelloAnswer['status'];
}

type TlsVersion = Exclude<ProtocolVersion, 'SSLv2'>;

/** Offers every candidate, removes the suite the server chose, and repeats until the server refuses. */
export const enumerateCipherSuites = async (
  target: ProbeTarget,
  version: TlsVersion,
  candidates: readonly number[],
): Promise<Enumeration> => {
  const accepted: number[] = [];
  const answers = new Map<number, HelloAnswer>();
  let remaining = [...candidates];
  let first: HelloAnswer | undefined;
  while (remaining.length > 0) {
    const answer = await helloProbe(target, version, remaining);
    first ??= answer;
    const chosen = answer.flight?.serverHello.cipherSuite;
    if (answer.outcome !== 'accepted' || chosen === undefined) {
      return { accepted, answers, end: answer.status, ...(first === undefined ? {} : { first }) };
    }
    accepted.push(chosen);
    answers.set(chosen, answer);
    remaining = remaining.filter((code) => code !== chosen);
  }
  return { accepted, answers, end: 'alert', ...(first === undefined ? {} : { first }) };
};

/**
 * Whether the server picks by its own preference: offered the accepted suites in reverse, a server that follows
 * the client takes the client's first, one with its own order takes the same suite as before.
 */
export const serverChoosesOrder = async (
  target: ProbeTarget,
  version: TlsVersion,
  accepted: readonly number[],
): Promise<boolean | undefined> => {
  if (accepted.length < 2) return undefined;
  const reversed = [...accepted].reverse();
  const answer = await helloProbe(target, version, reversed);
  if (answer.outcome !== 'accepted') return undefined;
  return answer.flight?.serverHello.cipherSuite !== reversed[0];
};
