/**
 * DNS names as the inventory keeps them: lower case, no trailing dot, Route53's octal escapes decoded (it returns
 * `*` as `\052`), so that a name read from a zone, a CNAME value and an alias target compare equal.
 */
export const normalizeDnsName = (raw: string): string => {
  const decoded = raw.replace(/\\([0-7]{3})/g, (_escape, octal: string) =>
    String.fromCharCode(Number.parseInt(octal, 8)),
  );
  const lower = decoded.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
};

/** ListHostedZones says `/hostedzone/Z123`, alias targets say `Z123`. */
export const normalizeZoneId = (raw: string): string => raw.replace(/^\/?hostedzone\//, '');

const labelPattern = /^(\*|[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)$/;

/**
 * Whether a normalized name can be looked up: 1 to 253 characters, labels of 1 to 63 letters, digits, hyphens
 * or underscores (service labels), a wildcard only as the whole first label.
 */
export const isDnsName = (name: string): boolean => {
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  return labels.every(
    (label, index) => label.length <= 63 && labelPattern.test(label) && (label !== '*' || index === 0),
  );
};

/** Whether `name` is `zone` or lies below it, on a label boundary. */
export const isWithin = (name: string, zone: string): boolean => name === zone || name.endsWith(`.${zone}`);

/** The names above `name` up to and including `apex`, nearest first; empty when `name` is the apex. */
export const ancestorsWithin = (name: string, apex: string): string[] => {
  const ancestors: string[] = [];
  let current = name;
  while (current !== apex && current.includes('.')) {
    current = current.slice(current.indexOf('.') + 1);
    ancestors.push(current);
  }
  return ancestors;
};
