import { hostName } from '@sec-an/contracts/scan-request';
import { parseAddress } from '@sec-an/runtime/scan-scope';

/** What a person typed: an IP address, or a DNS name whose addresses are scanned. */
export type TargetText =
  | { readonly kind: 'address'; readonly address: string }
  | { readonly kind: 'host'; readonly host: string };

/** One address to scan and the names it is scanned under, with the targets the person typed that led to it. */
export interface ResolvedTarget {
  readonly address: string;
  readonly hosts: readonly string[];
  readonly from: readonly string[];
}

/**
 * Undefined for text that is neither an IP address nor a DNS name. A name whose last label is a number is refused:
 * no top-level domain is one, and a resolver would read `010.0.0.1` as some other address.
 */
export const targetTextOf = (text: string): TargetText | undefined => {
  const address = parseAddress(text);
  if (address !== undefined) return { kind: 'address', address: address.toString() };
  const host = text.toLowerCase().replace(/\.$/, '');
  const numericEnd = /(^|\.)\d+$/.test(host);
  return hostName.safeParse(host).success && !host.startsWith('*.') && !numericEnd
    ? { kind: 'host', host }
    : undefined;
};
