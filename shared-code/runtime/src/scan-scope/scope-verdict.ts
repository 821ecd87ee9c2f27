import { isUnderSuffix, normaliseHost } from './host-suffix.ts';
import { cidrContains, type IpAddress, parseAddress } from './ip-address.ts';
import type { ScanScope, ScopeRules } from './scope-definition.ts';

/** What may be scanned: an address, and the DNS names that resolve to it. */
export interface ScopeTarget {
  readonly address: string;
  readonly hosts: readonly string[];
}

export interface ScopeVerdict {
  readonly inScope: boolean;
  /** The rule that decided, in words fit for a dashboard. */
  readonly reason: string;
}

const matchingCidr = (rules: ScopeRules, address: IpAddress) =>
  rules.cidrs.find((cidr) => cidrContains(cidr, address));

const matchingSuffix = (rules: ScopeRules, hosts: readonly string[]) => {
  for (const host of hosts) {
    const suffix = rules.suffixes.find((candidate) => isUnderSuffix(host, candidate));
    if (suffix !== undefined) return { host, suffix };
  }
  return undefined;
};

const outOfScope = (reason: string): ScopeVerdict => ({ inScope: false, reason });
const inScope = (reason: string): ScopeVerdict => ({ inScope: true, reason });

/**
 * Whether a target may be scanned. Deny wins: the address in a deny CIDR, or any of its hosts under a deny
 * suffix, puts it out of scope whatever the allow-list says, since a name of an address is enough to reach
 * a system that must not be scanned. Otherwise it is in scope when an allow CIDR contains the address or one of
 * its hosts is under an allow suffix. An empty allow-list allows nothing, so a stage that has not been told what
 * it owns scans nothing.
 */
export const scopeVerdict = (scope: ScanScope, target: ScopeTarget): ScopeVerdict => {
  const address = parseAddress(target.address);
  if (address === undefined) return outOfScope(`"${target.address}" is not an IP address`);
  const hosts = target.hosts.map(normaliseHost);
  const deniedBy = matchingCidr(scope.deny, address);
  if (deniedBy !== undefined) return outOfScope(`address is in deny CIDR ${deniedBy.text}`);
  const deniedHost = matchingSuffix(scope.deny, hosts);
  if (deniedHost !== undefined) {
    return outOfScope(`host ${deniedHost.host} is under deny suffix ${deniedHost.suffix}`);
  }
  const allowedBy = matchingCidr(scope.allow, address);
  if (allowedBy !== undefined) return inScope(`address is in allow CIDR ${allowedBy.text}`);
  const allowedHost = matchingSuffix(scope.allow, hosts);
  if (allowedHost !== undefined) {
    return inScope(`host ${allowedHost.host} is under allow suffix ${allowedHost.suffix}`);
  }
  if (scope.allow.cidrs.length === 0 && scope.allow.suffixes.length === 0) {
    return outOfScope('the allow-list is empty');
  }
  return outOfScope('no allow CIDR contains the address and no host is under an allow suffix');
};
