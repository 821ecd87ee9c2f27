import type { Attributes } from './applier.ts';
import { UnresolvedReferenceError } from './errors.ts';
import { placeholderAttribute } from './placeholders.ts';
import type { Reference } from './reference.ts';
import type { ReferenceLookup } from './resolve.ts';

interface StoredBlock {
  readonly attributes: Attributes;
  /** Placeholder values: an attribute they lack is made up instead of failing. */
  readonly placeholder: boolean;
  readonly name: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One step down an attribute path; a single block (an object) also answers to index 0, as a list of one. */
const step = (value: unknown, key: string | number): unknown => {
  if (typeof key === 'number') {
    if (Array.isArray(value)) return value[key];
    return key === 0 && isObject(value) ? value : undefined;
  }
  return isObject(value) ? value[key] : undefined;
};

const describePath = (path: readonly (string | number)[]): string =>
  path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('');

/** The attributes of a stack's blocks applied so far, by Terraform address; references read from here. */
export class AttributeStore {
  private readonly blocks = new Map<string, StoredBlock>();

  set(address: string, block: StoredBlock): void {
    this.blocks.set(address, block);
  }

  /** Lookups for the references of the block at `holder` (its qualified address, for errors). */
  lookupFor(holder: string): ReferenceLookup {
    return (reference: Reference, expression: string): unknown => {
      const block = this.blocks.get(reference.target);
      if (block === undefined) {
        throw new UnresolvedReferenceError(holder, expression, `the stack declares no ${reference.target}`);
      }
      const value = reference.path.reduce<unknown>((current, key) => step(current, key), block.attributes);
      if (value !== undefined && value !== null) return value;
      if (block.placeholder) return placeholderAttribute(block.name, reference.path);
      throw new UnresolvedReferenceError(
        holder,
        expression,
        `${reference.target} has no attribute ${describePath(reference.path).slice(1)} locally`,
      );
    };
  }
}
