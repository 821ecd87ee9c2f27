import {
  clientHello,
  type Endpoint,
  type ExchangeResult,
  type ExchangeStatus,
  exchangeHello,
  type ProtocolVersion,
  type ServerFlight,
  versionCodes,
} from '../handshake/index.ts';
import type { Budget } from './budget.ts';

export interface ProbeTarget {
  readonly endpoint: Endpoint;
  readonly serverName?: string;
  readonly budget: Budget;
}

export interface HelloAnswer {
  /** `accepted`: the server chose the asked version and a suite it was offered. */
  readonly outcome: 'accepted' | 'refused' | 'other-version' | 'failed' | 'budget-spent';
  readonly status: ExchangeStatus | 'budget-spent';
  readonly flight?: ServerFlight;
  readonly exchange?: ExchangeResult;
}

/** Statuses that say "not this", as opposed to the connection failing. */
const refusals = new Set<ExchangeStatus>(['alert', 'closed-before-answer', 'reset', 'closed-mid-handshake']);

/** One ClientHello for `version` offering `cipherSuites` (and `groups`), read into an outcome. */
export const helloProbe = async (
  target: ProbeTarget,
  version: Exclude<ProtocolVersion, 'SSLv2'>,
  cipherSuites: readonly number[],
  groups?: readonly number[],
): Promise<HelloAnswer> => {
  const timeoutMs = target.budget.nextConnectionMs();
  if (timeoutMs <= 0) return { outcome: 'budget-spent', status: 'budget-spent' };
  const hello = clientHello({
    version,
    cipherSuites,
    ...(target.serverName === undefined ? {} : { serverName: target.serverName }),
    ...(groups === undefined ? {} : { groups, keyShareGroups: [] }),
  });
  const exchange = await exchangeHello(target.endpoint, hello, { timeoutMs });
  if (exchange.reading?.kind !== 'flight') {
    return {
      outcome: refusals.has(exchange.status) ? 'refused' : 'failed',
      status: exchange.status,
      exchange,
    };
  }
  const flight = exchange.reading.flight;
  const chosen = flight.serverHello;
  const accepted = chosen.version === versionCodes[version] && cipherSuites.includes(chosen.cipherSuite);
  return { outcome: accepted ? 'accepted' : 'other-version', status: exchange.status, flight, exchange };
};
