import type { Attributes } from './applier.ts';
import { describePath, walkPath } from './attribute-path.ts';
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
      const value = walkPath(block.attributes, reference.path);
      if (value !== undefined && value !== null) return value;
      if (block.placeholder) return placeholderAttribute(block.attributes, block.name, reference.path);
      throw new UnresolvedReferenceError(
        holder,
        expression,
        `${reference.target} has no attribute ${describePath(reference.path).slice(1)} locally`,
      );
    };
  }
}
