import type { ProtocolVersion } from '../handshake/index.ts';
import { helloProbe, type ProbeTarget } from './hello-probe.ts';

/**
 * Groups the server accepts, in its order: offered every candidate group, the server names one (in the
 * ServerKeyExchange for TLS 1.2 ECDHE, in a HelloRetryRequest for TLS 1.3, whose key_share is left empty for it);
 * that group is removed and the hello sent again until the server refuses.
 */
export const enumerateGroups = async (
  target: ProbeTarget,
  version: Exclude<ProtocolVersion, 'SSLv2'>,
  cipherSuites: readonly number[],
  candidates: readonly number[],
  chosenGroup: (flight: NonNullable<Awaited<ReturnType<typeof helloProbe>>['flight']>) => number | undefined,
): Promise<number[]> => {
  const accepted: number[] = [];
  let remaining = [...candidates];
  while (remaining.length > 0) {
    const answer = await helloProbe(target, version, cipherSuites, remaining);
    const group =
      answer.outcome === 'accepted' && answer.flight !== undefined ? chosenGroup(answer.flight) : undefined;
    if (group === undefined || !remaining.includes(group)) return accepted;
    accepted.push(group);
    remaining = remaining.filter((code) => code !== group);
  }
  return accepted;
};
