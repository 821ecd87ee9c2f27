import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '@sec-an/constructs/cdktf';
import { ServiceStack } from '@sec-an/constructs/service-stack';
import type { SynthesizedStack } from './stack-document.ts';

interface Manifest {
  readonly stacks: Readonly<Record<string, { readonly workingDirectory: string }>>;
}

/**
 * Synthesizes the stacks that `define` adds to a fresh app into a temporary folder, as `cdktf synth` does, and
 * returns them as the synth step hands them over, in the order they were defined. For tests.
 */
export const synthesizeStacks = (define: (app: App) => void): SynthesizedStack[] => {
  const outdir = mkdtempSync(join(tmpdir(), 'sec-an-synth-'));
  const app = new App({ outdir });
  define(app);
  app.synth();
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as Manifest;
  return app.node.children
    .filter((child): child is ServiceStack => child instanceof ServiceStack)
    .map((stack) => {
      const synthesized = manifest.stacks[stack.node.id];
      if (synthesized === undefined) throw new Error(`manifest lacks stack ${stack.node.id}`);
      return {
        project: stack.naming.project,
        stack: stack.node.id,
        directory: join(outdir, synthesized.workingDirectory),
      };
    });
};

/** One stack of project `project` and stage `test`, built by `build`. */
export const synthesizeStack = (
  project: string,
  build: (stack: ServiceStack) => void,
  stackId = 'main',
): SynthesizedStack => {
  const [stack] = synthesizeStacks((app) =>
    build(new ServiceStack(app, stackId, { project, stage: 'test' })),
  );
  if (stack === undefined) throw new Error('nothing was synthesized');
  return stack;
};
