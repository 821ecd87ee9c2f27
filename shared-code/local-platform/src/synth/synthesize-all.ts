import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { mapConcurrently } from '@sec-an/runtime/concurrency';
import type { StackArtifact } from './manifest.ts';
import { deployableProjects, isSynthesizable, type Project, projectAt } from './projects.ts';
import { SynthError } from './synth-error.ts';
import { synthesizeProject } from './synthesize-project.ts';

export interface SynthesizedProject {
  readonly project: string;
  readonly stacks: readonly StackArtifact[];
  readonly tookMs: number;
}

export type SynthProgress =
  | { readonly kind: 'started'; readonly project: string }
  | { readonly kind: 'finished'; readonly result: SynthesizedProject }
  | { readonly kind: 'skipped'; readonly project: string; readonly reason: string };

export interface SynthAllOptions {
  /** Default: every deployable project, in deploy order. */
  readonly projects?: readonly Project[];
  /** Each project is synthesized into `<outdir>/<project>`. */
  readonly outdir: string;
  readonly environment: Readonly<Record<string, string>>;
  /** Folders synthesized after the projects, e.g. a test's fixture service. */
  readonly extraProjectDirectories?: readonly string[];
  readonly onProgress?: (progress: SynthProgress) => void;
  /** Per project; see `SynthOptions.timeoutMs`. */
  readonly timeoutMs?: number;
  /** How many projects synthesize at once. Default: the machine's available parallelism. */
  readonly concurrency?: number;
}

export interface SynthReport {
  /** In deploy order; their stacks concatenated are the deploy order of every stack. */
  readonly projects: readonly SynthesizedProject[];
  /** Projects without a cdktf.json. */
  readonly skipped: readonly string[];
}

const projectsToSynthesize = (options: SynthAllOptions): readonly Project[] => {
  const projects = [
    ...(options.projects ?? deployableProjects()),
    ...(options.extraProjectDirectories ?? []).map(projectAt),
  ];
  const seen = new Set<string>();
  for (const project of projects) {
    // Two projects of one name would synthesize into the same folder.
    if (seen.has(project.name)) throw new SynthError(project.name, `two projects are named ${project.name}`);
    seen.add(project.name);
  }
  return projects;
};

const synthesizeOne = async (project: Project, options: SynthAllOptions): Promise<SynthesizedProject> => {
  options.onProgress?.({ kind: 'started', project: project.name });
  const began = performance.now();
  const stacks = await synthesizeProject(project, {
    outdir: join(options.outdir, project.name),
    environment: options.environment,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const result = { project: project.name, stacks, tookMs: Math.round(performance.now() - began) };
  options.onProgress?.({ kind: 'finished', result });
  return result;
};

/**
 * Synthesizes every project that has a cdktf.json, several at once: no project reads another's synth output (they
 * find each other through SSM parameters when deployed), and each app spends most of its time on one core. The
 * report keeps the deploy order, whichever finishes first.
 */
export const synthesizeAll = async (options: SynthAllOptions): Promise<SynthReport> => {
  const projects = projectsToSynthesize(options);
  const skipped = projects.filter((project) => !isSynthesizable(project)).map((project) => project.name);
  for (const project of skipped) {
    options.onProgress?.({ kind: 'skipped', project, reason: 'no cdktf.json' });
  }
  const synthesizable = projects.filter(isSynthesizable);
  const results = await mapConcurrently(
    synthesizable,
    options.concurrency ?? availableParallelism(),
    (project) => synthesizeOne(project, options),
  );
  return { projects: results, skipped };
};

/** Every stack of the report, in deploy order. */
export const allStacks = (report: SynthReport): readonly StackArtifact[] =>
  report.projects.flatMap((project) => project.stacks);
