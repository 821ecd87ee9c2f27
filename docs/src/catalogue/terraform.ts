import { placeholderName } from './catalogue-settings.ts';
import type { Block, SynthesizedStack } from './synthesized-stacks.ts';

/** A Terraform interpolation `${[data.]type.id.attribute}` found in a block. */
export interface Reference {
  readonly data: boolean;
  readonly type: string;
  readonly id: string;
  readonly attribute: string;
}

const referencePattern = /\$\{(data\.)?([a-z0-9_]+)\.([\w-]+)\.([a-z_]+)/g;

export const referencesIn = (value: unknown): readonly Reference[] =>
  [...(typeof value === 'string' ? value : JSON.stringify(value)).matchAll(referencePattern)].map(
    (match) => ({
      data: match[1] !== undefined,
      type: match[2] ?? '',
      id: match[3] ?? '',
      attribute: match[4] ?? '',
    }),
  );

/** The only reference a value is made of, if it is exactly one interpolation. */
export const soleReference = (value: unknown): Reference | undefined => {
  const [reference, ...others] = referencesIn(value);
  if (reference === undefined || others.length > 0) return undefined;
  return typeof value === 'string' && /^\$\{[^}]+\}$/.test(value) ? reference : undefined;
};

export const constructPath = (block: Block): string =>
  (block['//'] as { metadata?: { path?: string } } | undefined)?.metadata?.path ?? '';

export const blocksOf = (stack: SynthesizedStack, type: string, data = false) =>
  Object.entries((data ? stack.data : stack.resources)[type] ?? {});

export const blockOf = (stack: SynthesizedStack, reference: Reference): Block | undefined =>
  (reference.data ? stack.data : stack.resources)[reference.type]?.[reference.id];

/**
 * What a resource is called in the catalogue: the part of its construct path below its stack, without the
 * trailing segments constructs add (`function`, `role`, `queue`, `main`): `nmap/launcher`, `dead-letter-recorder`.
 */
export const componentName = (stack: SynthesizedStack, block: Block): string => {
  const segments = constructPath(block).split('/');
  if (segments[0] === stack.stack) segments.shift();
  while (
    segments.length > 1 &&
    ['function', 'role', 'policy', 'queue', 'main'].includes(segments.at(-1) ?? '')
  ) {
    segments.pop();
  }
  return segments.join('/');
};

const nameAttributes = ['name', 'bucket', 'domain_name', 'cluster_name', 'family'] as const;

/** A resource's physical name with placeholders, or its component name when it has none. */
export const resourceName = (stack: SynthesizedStack, block: Block): string => {
  for (const attribute of nameAttributes) {
    const value = block[attribute];
    if (typeof value === 'string' && !value.includes('${')) return placeholderName(value);
  }
  return componentName(stack, block);
};

/** Where a stack is, for a reader of the catalogue: `task-execution/tables`. */
export const stackName = (stack: SynthesizedStack): string => `${stack.project}/${stack.stack}`;
