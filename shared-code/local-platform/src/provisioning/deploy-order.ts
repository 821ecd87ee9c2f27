import { DependencyCycleError, InvalidConfigurationError } from './errors.ts';
import { mentionedAddresses } from './reference.ts';
import { expressionsIn } from './resolve.ts';
import { qualifiedAddress, type StackDocument, type TerraformBlock } from './stack-document.ts';

/** What each block of a stack refers to or depends on, among the stack's own blocks. */
export const dependenciesOf = (document: StackDocument): Map<string, Set<string>> => {
  const known = new Set(document.blocks.map((block) => block.address));
  const dependencies = new Map<string, Set<string>>();
  for (const block of document.blocks) {
    const address = qualifiedAddress(document, block.address);
    for (const dependency of block.dependsOn) {
      if (!known.has(dependency)) {
        throw new InvalidConfigurationError(address, `depends_on names ${dependency}, which the stack lacks`);
      }
    }
    const mentioned = expressionsIn(block.config, address).flatMap(mentionedAddresses);
    const all = [...block.dependsOn, ...mentioned].filter(
      (name) => known.has(name) && name !== block.address,
    );
    dependencies.set(block.address, new Set(all));
  }
  return dependencies;
};

/** A cycle through `start`, found by walking dependencies that are not yet placed. */
const cycleFrom = (start: string, dependencies: Map<string, Set<string>>, placed: Set<string>): string[] => {
  const path: string[] = [];
  let current = start;
  while (!path.includes(current)) {
    path.push(current);
    const next = [...(dependencies.get(current) ?? [])].find((dependency) => !placed.has(dependency));
    if (next === undefined) return path;
    current = next;
  }
  return [...path.slice(path.indexOf(current)), current];
};

/**
 * Blocks in an order where each comes after what it refers to and depends on. Among blocks that are free to go,
 * the stack's own order wins, so the order is the same on every run.
 */
export const deployOrder = (document: StackDocument): TerraformBlock[] => {
  const dependencies = dependenciesOf(document);
  const placed = new Set<string>();
  const ordered: TerraformBlock[] = [];
  let remaining = [...document.blocks];
  while (remaining.length > 0) {
    const ready = remaining.filter((block) =>
      [...(dependencies.get(block.address) ?? [])].every((dependency) => placed.has(dependency)),
    );
    const first = remaining[0];
    if (ready.length === 0 && first !== undefined) {
      throw new DependencyCycleError(
        `${document.project}/${document.stack}`,
        cycleFrom(first.address, dependencies, placed),
      );
    }
    for (const block of ready) {
      placed.add(block.address);
      ordered.push(block);
    }
    remaining = remaining.filter((block) => !placed.has(block.address));
  }
  return ordered;
};
