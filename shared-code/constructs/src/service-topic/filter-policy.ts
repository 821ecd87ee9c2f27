/**
 * An SNS filter policy: attribute (or body property) names to the values or conditions that match. Kept as
 * plain JSON-shaped data; SNS validates the operators.
 */
export type FilterPolicy = Readonly<Record<string, unknown>>;

export type FilterPolicyScope = 'MessageAttributes' | 'MessageBody';

/** SNS limits a filter policy to 5 keys at its top level and 150 value combinations. */
const maxTopLevelKeys = 5;
const maxCombinations = 150;

const combinations = (policy: FilterPolicy): number =>
  Object.values(policy).reduce<number>(
    (product, value) => product * (Array.isArray(value) ? Math.max(value.length, 1) : 1),
    1,
  );

export const validateFilterPolicy = (policy: FilterPolicy): string[] => {
  const errors: string[] = [];
  if (Object.keys(policy).length === 0) errors.push('a filter policy needs at least one key');
  if (Object.keys(policy).length > maxTopLevelKeys)
    errors.push(`a filter policy has at most ${maxTopLevelKeys} keys`);
  if (combinations(policy) > maxCombinations) {
    errors.push(`a filter policy allows at most ${maxCombinations} combinations of values`);
  }
  return errors;
};
