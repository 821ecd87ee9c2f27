import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCommand } from '../processes/index.ts';
import { appArgv } from './cdktf-config.ts';
import { type StackArtifact, stacksOfManifest } from './manifest.ts';
import type { Project } from './projects.ts';
import { SynthError } from './synth-error.ts';

export interface SynthOptions {
  /** Where cdktf writes `manifest.json` and `stacks/`. */
  readonly outdir: string;
  /** Deployment settings for the app, e.g. `SEC_AN_STAGE`; added to this process's environment. */
  readonly environment: Readonly<Record<string, string>>;
  /** Default: 3 minutes (bundling every function of a project with esbuild included). */
  readonly timeoutMs?: number;
}

const defaultTimeoutMs = 180_000;
const tailLines = 40;

const tail = (output: string): string => output.trimEnd().split('\n').slice(-tailLines).join('\n');

const runApp = async (project: Project, outdir: string, options: SynthOptions): Promise<void> => {
  const { command, args } = appArgv(project);
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const began = performance.now();
  const result = await runCommand(command, args, {
    cwd: project.directory,
    timeoutMs,
    // The stacks are read as JSON (cdk.tf.json), whatever the caller's environment asks of cdktf.
    env: { ...process.env, ...options.environment, CDKTF_OUTDIR: outdir, SYNTH_HCL_OUTPUT: 'false' },
  });
  if (result.exitCode === 0) return;
  const timedOut = performance.now() - began >= timeoutMs;
  const problem = timedOut
    ? `\`${args.length === 0 ? command : `${command} ${args.join(' ')}`}\` did not finish within ${timeoutMs / 1000} s`
    : `its app exited with code ${result.exitCode}`;
  throw new SynthError(project.name, `${problem}; its last output:\n${tail(result.output)}`);
};

/** Runs the project's cdktf app (as `cdktf synth` would) and returns its stacks in deploy order. */
export const synthesizeProject = async (
  project: Project,
  options: SynthOptions,
): Promise<readonly StackArtifact[]> => {
  const outdir = resolve(options.outdir);
  mkdirSync(outdir, { recursive: true });
  // A manifest left by an earlier run must not pass for this run's.
  rmSync(join(outdir, 'manifest.json'), { force: true });
  await runApp(project, outdir, options);
  return stacksOfManifest(project, outdir);
};
