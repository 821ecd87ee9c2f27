import { canonicalIpAddress } from './ip-addresses.ts';

export interface SubjectAltNames {
  readonly dnsNames: readonly string[];
  /** Canonical text (see `canonicalIpAddress`). */
  readonly ipAddresses: readonly string[];
}

interface Entry {
  readonly type: string;
  readonly value: string;
}

/** Reads one `type:value` entry at `start`; Node quotes a value (JSON) when it holds a comma or a quote. */
const readEntry = (text: string, start: number): { entry: Entry; next: number } => {
  const colon = text.indexOf(':', start);
  const type = text.slice(start, colon);
  if (text[colon + 1] === '"') {
    let end = colon + 2;
    while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
    const value = JSON.parse(text.slice(colon + 1, end + 1)) as string;
    return { entry: { type, value }, next: end + 3 };
  }
  const separator = text.indexOf(', ', colon);
  const end = separator === -1 ? text.length : separator;
  return { entry: { type, value: text.slice(colon + 1, end) }, next: end + 2 };
};

/** The DNS names and IP addresses of Node's `X509Certificate.subjectAltName` text. */
export const parseSubjectAltNames = (text: string | undefined): SubjectAltNames => {
  const dnsNames: string[] = [];
  const ipAddresses: string[] = [];
  let position = 0;
  while (text !== undefined && position < text.length && text.indexOf(':', position) !== -1) {
    const { entry, next } = readEntry(text, position);
    if (entry.type === 'DNS') dnsNames.push(entry.value);
    if (entry.type === 'IP Address') ipAddresses.push(canonicalIpAddress(entry.value) ?? entry.value);
    position = next;
  }
  return { dnsNames, ipAddresses };
};
