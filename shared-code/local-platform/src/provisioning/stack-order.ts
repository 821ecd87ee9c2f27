import { DependencyCycleError } from './errors.ts';
import { parameterReads, publishedParameters } from './parameter-reads.ts';
import { remoteStateBlocks, stackOfRemoteState } from './remote-state.ts';
import type { StackDocument } from './stack-document.ts';

const label = (document: StackDocument): string => `${document.project}/${document.stack}`;

/** For each stack, the stacks that publish a parameter it reads or whose state it reads (cross-stack references). */
const publishersOf = (documents: readonly StackDocument[]): Map<StackDocument, StackDocument[]> => {
  const published = new Map(documents.map((document) => [document, publishedParameters(document)]));
  return new Map(
    documents.map((reader) => {
      const names = parameterReads(reader).map((read) => read.parameterName);
      const stateSources = remoteStateBlocks(reader).map((block) => stackOfRemoteState(documents, block));
      const publishers = documents.filter(
        (candidate) =>
          candidate !== reader &&
          (names.some((name) => published.get(candidate)?.has(name)) || stateSources.includes(candidate)),
      );
      return [reader, publishers];
    }),
  );
};

const cycleThrough = (
  start: StackDocument,
  publishers: Map<StackDocument, StackDocument[]>,
  ordered: readonly StackDocument[],
): string[] => {
  const path: StackDocument[] = [];
  let current: StackDocument | undefined = start;
  while (current !== undefined && !path.includes(current)) {
    path.push(current);
    current = publishers.get(current)?.find((publisher) => !ordered.includes(publisher));
  }
  const cycle = current === undefined ? path : [...path.slice(path.indexOf(current)), current];
  return cycle.map(label);
};

/**
 * Stacks in the given order, except that a stack that reads an SSM parameter comes after the stack that
 * publishes it (a project listed too early still deploys after what it needs), and a stack that reads another's
 * outputs comes after it.
 */
export const stackOrder = (documents: readonly StackDocument[]): StackDocument[] => {
  const publishers = publishersOf(documents);
  const ordered: StackDocument[] = [];
  let remaining = [...documents];
  while (remaining.length > 0) {
    const next = remaining.find((document) =>
      (publishers.get(document) ?? []).every((publisher) => ordered.includes(publisher)),
    );
    if (next === undefined) {
      const first = remaining[0] as StackDocument;
      throw new DependencyCycleError('stacks', cycleThrough(first, publishers, ordered));
    }
    ordered.push(next);
    remaining = remaining.filter((document) => document !== next);
  }
  return ordered;
};
