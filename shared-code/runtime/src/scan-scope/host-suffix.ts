/** A DNS name compared as DNS compares it: case-insensitively, with or without the root's trailing dot. */
export const normaliseHost = (host: string): string => {
  const lower = host.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
};

const label = '[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?';
const suffixPattern = new RegExp(`^(${label}\\.)*${label}$`);

/** Why a suffix was refused, or the suffix as it is compared. */
export const parseSuffix = (text: string): { readonly suffix: string } | string => {
  const suffix = normaliseHost(text);
  if (suffix.startsWith('*.') || suffix.startsWith('.')) {
    return `is written as a wildcard or with a leading dot; write the domain itself (${suffix.replace(/^\*?\./, '')}), which covers its subdomains`;
  }
  if (suffix.length === 0 || suffix.length > 253 || !suffixPattern.test(suffix)) {
    return 'is not a DNS name (labels of letters, digits, "-" and "_", up to 63 characters each)';
  }
  return { suffix };
};

/** True for the suffix itself and its subdomains, never for a name that merely ends with the same letters. */
export const isUnderSuffix = (normalisedHost: string, suffix: string): boolean =>
  normalisedHost === suffix ||
  (normalisedHost.length > suffix.length &&
    normalisedHost.endsWith(suffix) &&
    normalisedHost.charCodeAt(normalisedHost.length - suffix.length - 1) === 0x2e);
