import { domainToASCII } from 'node:url';
import type { CertificateFacts } from './certificate-facts.ts';
import { canonicalIpAddress } from './ip-addresses.ts';

/**
 * Whether a certificate covers a server name. `name-only-in-common-name`: only the subject's common name
 * carries it, which RFC 6125 and today's clients no longer read once any subjectAltName exists, and which
 * browsers ignore altogether.
 */
export interface NameMatch {
  readonly serverName: string;
  readonly matches: boolean;
  /** The subjectAltName entry that covers the name (`DNS:*.example.com`, `IP:192.0.2.1`). */
  readonly matchedBy?: string;
  readonly reason?: 'name-mismatch' | 'name-only-in-common-name';
}

type Identities = Pick<CertificateFacts, 'dnsNames' | 'ipAddresses' | 'commonName'>;

/** Lower-case A-labels without the root's trailing dot, as names are compared. */
const referenceName = (name: string): string => {
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  return (domainToASCII(trimmed) || trimmed).toLowerCase();
};

/**
 * RFC 6125 section 6.4.3 as browsers and the CA/Browser Forum apply it: a wildcard is only a whole left-most
 * label, stands for exactly one non-empty label, and needs at least two labels after it (`*.com` covers
 * nothing).
 */
const dnsNameCovers = (pattern: string, name: string): boolean => {
  const presented = referenceName(pattern);
  if (!presented.includes('*')) return presented === name;
  const rest = presented.slice(2);
  if (!presented.startsWith('*.') || rest.includes('*') || !rest.includes('.')) return false;
  const dot = name.indexOf('.');
  return dot > 0 && name.slice(dot + 1) === rest;
};

const matchAddress = (certificate: Identities, serverName: string, address: string): NameMatch => {
  const covering = certificate.ipAddresses.find((presented) => presented === address);
  return covering === undefined
    ? { serverName, matches: false, reason: 'name-mismatch' }
    : { serverName, matches: true, matchedBy: `IP:${covering}` };
};

/** Matches `serverName` (a DNS name or an IP address) against the certificate's identities per RFC 6125. */
export const matchServerName = (certificate: Identities, serverName: string): NameMatch => {
  const address = canonicalIpAddress(serverName);
  if (address !== undefined) return matchAddress(certificate, serverName, address);
  const name = referenceName(serverName);
  const covering = certificate.dnsNames.find((pattern) => dnsNameCovers(pattern, name));
  if (covering !== undefined) return { serverName, matches: true, matchedBy: `DNS:${covering}` };
  const inCommonName = certificate.commonName !== undefined && dnsNameCovers(certificate.commonName, name);
  return { serverName, matches: false, reason: inCommonName ? 'name-only-in-common-name' : 'name-mismatch' };
};
