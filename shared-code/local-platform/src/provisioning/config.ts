import { InvalidConfigurationError } from './errors.ts';

type JsonObject = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Typed reads of a resolved resource's arguments. Terraform converts between strings, numbers and booleans, so
 * the readers accept `"30"` for 30 and `"true"` for true, as Terraform does. Nested blocks come out of cdktf
 * as an object or as a list of objects depending on the provider schema; `blocks` reads both.
 */
export class ResourceConfig {
  readonly address: string;
  readonly values: JsonObject;
  private readonly path: string;

  constructor(address: string, values: JsonObject, path = '') {
    this.address = address;
    this.values = values;
    this.path = path;
  }

  private fail(key: string, expected: string): never {
    throw new InvalidConfigurationError(
      this.address,
      `${this.path}${key} must be ${expected}, got ${JSON.stringify(this.values[key])}`,
    );
  }

  has(key: string): boolean {
    return this.values[key] !== undefined && this.values[key] !== null;
  }

  optionalString(key: string): string | undefined {
    const value = this.values[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return this.fail(key, 'a string');
  }

  string(key: string): string {
    return this.optionalString(key) ?? this.fail(key, 'set');
  }

  optionalNumber(key: string): number | undefined {
    const value = this.values[key];
    if (value === undefined || value === null) return undefined;
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof number === 'number' && Number.isFinite(number) ? number : this.fail(key, 'a number');
  }

  number(key: string, fallback: number): number {
    return this.optionalNumber(key) ?? fallback;
  }

  optionalBoolean(key: string): boolean | undefined {
    const value = this.values[key];
    if (value === undefined || value === null) return undefined;
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    return this.fail(key, 'a boolean');
  }

  boolean(key: string, fallback: boolean): boolean {
    return this.optionalBoolean(key) ?? fallback;
  }

  stringList(key: string): string[] {
    const value = this.values[key];
    if (value === undefined || value === null) return [];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
    return this.fail(key, 'a list of strings');
  }

  stringMap(key: string): Record<string, string> {
    const value = this.values[key];
    if (value === undefined || value === null) return {};
    if (isObject(value))
      return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, String(item)]));
    return this.fail(key, 'a map of strings');
  }

  blocks(key: string): ResourceConfig[] {
    const value = this.values[key];
    if (value === undefined || value === null) return [];
    const all = Array.isArray(value) ? value : [value];
    if (!all.every(isObject)) return this.fail(key, 'a block');
    return all.map((item, index) => new ResourceConfig(this.address, item, `${this.path}${key}[${index}].`));
  }

  block(key: string): ResourceConfig | undefined {
    return this.blocks(key)[0];
  }
}
