import { Resolver } from 'node:dns/promises';
import { mapConcurrently } from '@sec-an/runtime/concurrency';
import { addressOf, type Family } from './record-values.ts';
import type { Warnings } from './warnings.ts';

/**
 * Resolves names no ingested zone holds (an alias to a load balancer, a CNAME to a SaaS host). Shaped like
 * `node:dns/promises`' Resolver, so that one can be passed as is; tests pass their own.
 */
export interface OutsideResolver {
  resolve4(name: string): Promise<string[]>;
  resolve6(name: string): Promise<string[]>;
}

/** The system's DNS servers, with a short timeout: a slow name costs the ingest at most a few seconds. */
export const systemResolver = (): OutsideResolver => {
  const resolver = new Resolver({ timeout: 2_000, tries: 2 });
  return { resolve4: (name) => resolver.resolve4(name), resolve6: (name) => resolver.resolve6(name) };
};

/** Names resolved at once; the system resolver's servers see no more than this from one ingest. */
export const outsideConcurrency = 16;

/** The name has the other family only (no AAAA for an IPv4-only host): an answer, not a failure. */
const noData = 'ENODATA';

const errorCode = (error: unknown): string => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return typeof code === 'string' ? code : typeof message === 'string' ? message : String(error);
};

const resolveOne = async (
  resolver: OutsideResolver,
  family: Family,
  name: string,
  warnings: Warnings,
): Promise<string[]> => {
  const type = family === 'ipv4' ? 'A' : 'AAAA';
  let values: string[];
  try {
    values = await (family === 'ipv4' ? resolver.resolve4(name) : resolver.resolve6(name));
  } catch (error) {
    const code = errorCode(error);
    if (code !== noData) {
      warnings.add(
        'outside-resolution-failed',
        `outside name ${name} (${type}) could not be resolved: ${code}`,
      );
    }
    return [];
  }
  const addresses: string[] = [];
  for (const value of values) {
    const address = addressOf(family, value);
    if (address === undefined) {
      warnings.add('malformed-value', `outside name ${name} (${type}) resolved to "${value}"; skipped`);
    } else {
      addresses.push(address);
    }
  }
  return addresses;
};

/** The addresses of each outside name (keys `<family> <name>`), each asked once. */
export const resolveOutside = async (
  keys: ReadonlySet<string>,
  resolver: OutsideResolver,
  warnings: Warnings,
): Promise<Map<string, string[]>> => {
  const list = [...keys];
  const answers = await mapConcurrently(list, outsideConcurrency, (key) => {
    const [family, name] = key.split(' ') as [Family, string];
    return resolveOne(resolver, family, name, warnings);
  });
  return new Map(list.map((key, index) => [key, answers[index] ?? []]));
};
