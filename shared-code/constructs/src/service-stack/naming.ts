/** Who a resource belongs to: the three tags every resource carries and the prefix of every physical name. */
export interface ServiceNaming {
  readonly app: string;
  readonly stage: string;
  readonly project: string;
}

const segmentPattern = /^[a-z0-9][a-z0-9-]*$/;

/** Names become parts of ARNs, SSM paths and bucket names: one alphabet fits all of them. */
export const validateNaming = (naming: ServiceNaming): string[] =>
  Object.entries(naming)
    .filter(([, value]) => !segmentPattern.test(value))
    .map(([key, value]) => `${key} "${value}" must be lower-case letters, digits and dashes`);

/**
 * `{app}-{stage}-{project}-{name}`, cut to the service's limit with a hash of the whole so that two long names
 * stay distinct.
 */
export const physicalName = (naming: ServiceNaming, name: string, maxLength: number): string => {
  const full = `${naming.app}-${naming.stage}-${naming.project}-${name}`;
  if (full.length <= maxLength) return full;
  const hash = fnv1a(full).toString(16).padStart(8, '0');
  return `${full.slice(0, maxLength - hash.length - 1)}-${hash}`;
};

const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
};

export const namingTags = (naming: ServiceNaming): Record<string, string> => ({
  app: naming.app,
  stage: naming.stage,
  project: naming.project,
});
