import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Project } from './projects.ts';
import { SynthError } from './synth-error.ts';

/** One synthesized stack. */
export interface StackArtifact {
  readonly project: string;
  /** The stack's id, as `cdktf deploy <stack>` names it. */
  readonly stack: string;
  /** Absolute folder of the stack's `cdk.tf.json`; asset paths inside it are relative to this folder. */
  readonly directory: string;
}

interface ManifestStack {
  readonly name: string;
  readonly constructPath: string;
  readonly synthesizedStackPath: string;
  readonly dependencies: readonly string[];
}

export const stackFileName = 'cdk.tf.json';

export const stackFile = (stack: StackArtifact): string => resolve(stack.directory, stackFileName);

const readManifestStacks = (project: Project, outdir: string): readonly ManifestStack[] => {
  const file = resolve(outdir, 'manifest.json');
  if (!existsSync(file)) {
    throw new SynthError(
      project.name,
      `the app wrote no ${file}: does it call app.synth(), and leave the App's outdir to CDKTF_OUTDIR?`,
    );
  }
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { stacks?: Record<string, ManifestStack> };
  return Object.values(manifest.stacks ?? {});
};

/**
 * cdktf writes the manifest with sorted keys, so its order is alphabetical: a stack is moved after the stacks it
 * depends on (cross-stack references), keeping the manifest order otherwise.
 */
const inDependencyOrder = (project: Project, stacks: readonly ManifestStack[]): readonly ManifestStack[] => {
  const ordered: ManifestStack[] = [];
  const placed = new Set<string>();
  while (ordered.length < stacks.length) {
    const next = stacks.find(
      (stack) => !placed.has(stack.constructPath) && stack.dependencies.every((path) => placed.has(path)),
    );
    if (next === undefined) {
      const left = stacks.filter((stack) => !placed.has(stack.constructPath)).map((stack) => stack.name);
      throw new SynthError(project.name, `stacks ${left.join(', ')} depend on each other in a cycle`);
    }
    ordered.push(next);
    placed.add(next.constructPath);
  }
  return ordered;
};

const checkStackFile = (project: Project, stack: StackArtifact): StackArtifact => {
  if (!existsSync(stackFile(stack))) {
    throw new SynthError(
      project.name,
      `stack ${stack.stack} has no ${stackFileName} in ${stack.directory} (HCL output is not supported)`,
    );
  }
  return stack;
};

/** The stacks of a synthesized project, each after the stacks it depends on. */
export const stacksOfManifest = (project: Project, outdir: string): readonly StackArtifact[] =>
  inDependencyOrder(project, readManifestStacks(project, outdir)).map((stack) =>
    checkStackFile(project, {
      project: project.name,
      stack: stack.name,
      directory: dirname(resolve(outdir, stack.synthesizedStackPath)),
    }),
  );
