const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One step down an attribute path. A single nested block may be an object where Terraform has a list of one
 * (cdktf writes it either way), so an object also answers to index 0.
 */
export const stepInto = (value: unknown, key: string | number): unknown => {
  if (typeof key === 'number') {
    if (Array.isArray(value)) return value[key];
    return key === 0 && isObject(value) ? value : undefined;
  }
  return isObject(value) ? value[key] : undefined;
};

export const walkPath = (value: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((current, key) => stepInto(current, key), value);

export const describePath = (path: readonly (string | number)[]): string =>
  path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('');
