import { type ScanScope, scopeVerdict } from '@sec-an/runtime/scan-scope';
import { parseHostName } from './host-name.ts';
import { parseTargetAddress, type TargetAddress } from './target-address.ts';
import { TargetRejectedError } from './target-errors.ts';

/** A target that passed every check: the only kind the nmap argument builder accepts. */
export interface ValidatedTarget extends TargetAddress {
  readonly hosts: readonly string[];
}

/** As many names as the scan-request contract admits for one address. */
const maxHosts = 1000;

const parseHosts = (value: unknown): string[] => {
  if (!Array.isArray(value)) throw new TargetRejectedError('not-a-host-name', value, 'hosts is not a list');
  if (value.length > maxHosts) {
    throw new TargetRejectedError(
      'too-many-hosts',
      `${value.length} hosts`,
      `at most ${maxHosts} are allowed`,
    );
  }
  return [...new Set(value.map(parseHostName))];
};

/**
 * Validates a scan request's target and checks it against the scope again, right before a scan: the plan was
 * judged against the scope of its day, and a request can also come from a person or be redriven later. Every
 * refusal is a TargetRejectedError naming the problem; nothing partial is returned.
 */
export const validateScanTarget = (
  target: { readonly address: unknown; readonly hosts: unknown },
  scope: ScanScope,
): ValidatedTarget => {
  const address = parseTargetAddress(target.address);
  const hosts = parseHosts(target.hosts);
  const verdict = scopeVerdict(scope, { address: address.address, hosts });
  if (!verdict.inScope) throw new TargetRejectedError('out-of-scope', address.address, verdict.reason);
  return { ...address, hosts };
};
