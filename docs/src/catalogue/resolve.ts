import { placeholderName } from './catalogue-settings.ts';
import type { Block, SynthesizedStack } from './synthesized-stacks.ts';
import {
  blockOf,
  blocksOf,
  componentName,
  type Reference,
  resourceName,
  soleReference,
} from './terraform.ts';

/** A published parameter: the stack that writes it and its block. */
export interface Publication {
  readonly name: string;
  readonly stack: SynthesizedStack;
  readonly block: Block;
}

/** Every `aws_ssm_parameter` of every stack, by its name with placeholders. */
export const publicationsOf = (stacks: readonly SynthesizedStack[]): ReadonlyMap<string, Publication> =>
  new Map(
    stacks.flatMap((stack) =>
      blocksOf(stack, 'aws_ssm_parameter').map(([, block]) => {
        const name = placeholderName(String(block.name));
        return [name, { name, stack, block }] as const;
      }),
    ),
  );

/** The parameter a data source reads, with placeholders. */
export const parameterNameOf = (block: Block): string => placeholderName(String(block.name));

const functionName = (stack: SynthesizedStack, block: Block): string =>
  `${stack.project}: ${componentName(stack, block)}`;

const describeResource = (stack: SynthesizedStack, reference: Reference, block: Block): string => {
  if (reference.type === 'aws_lambda_function') return functionName(stack, block);
  if (reference.attribute === 'stream_arn') return `stream of ${resourceName(stack, block)}`;
  return resourceName(stack, block);
};

/**
 * Names what a Terraform value points at, across projects: a reference to another project's published
 * parameter is followed to the resource that project published.
 */
export const describeTarget = (
  publications: ReadonlyMap<string, Publication>,
  stack: SynthesizedStack,
  value: unknown,
): string => {
  const reference = soleReference(value);
  if (reference === undefined)
    return typeof value === 'string' ? placeholderName(value) : JSON.stringify(value);
  const block = blockOf(stack, reference);
  if (block === undefined) return `${reference.type}.${reference.id}`;
  if (reference.data && reference.type === 'aws_ssm_parameter') {
    const publication = publications.get(parameterNameOf(block));
    return publication === undefined
      ? `SSM ${parameterNameOf(block)}`
      : describeTarget(publications, publication.stack, publication.block.value);
  }
  return describeResource(stack, reference, block);
};

/** A text with every interpolation in it replaced by the name of what it points at. */
export const withTargetsNamed = (
  publications: ReadonlyMap<string, Publication>,
  stack: SynthesizedStack,
  text: string,
): string =>
  placeholderName(
    text.replaceAll(/\$\{[^}]+\}/g, (interpolation) => describeTarget(publications, stack, interpolation)),
  );
