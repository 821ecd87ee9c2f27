import { join } from 'node:path';
import type { Deployment } from '../deployment/index.ts';
import { instanceDir } from '../paths/index.ts';
import { provision, type StackProgress, writeProvisionResult } from '../provisioning/index.ts';
import { allStacks, type SynthProgress, synthesizeAll } from '../synth/index.ts';

export type DeployProgress =
  | { readonly step: 'synth'; readonly progress: SynthProgress }
  | { readonly step: 'provision'; readonly progress: StackProgress };

export interface DeployOptions {
  readonly instance: string;
  /** The backends' environment: stage, region, endpoints. Synth and provisioning both read it. */
  readonly environment: Readonly<Record<string, string>>;
  /** Service folders deployed after the projects, e.g. a test's fixture service. */
  readonly extraProjectDirectories?: readonly string[];
  readonly onProgress?: (progress: DeployProgress) => void;
}

export interface DeployResult {
  readonly deployment: Deployment;
  readonly stackCount: number;
  readonly skippedProjects: readonly string[];
}

/**
 * What `cdktf deploy` of every project does on AWS, done on the local backends: synthesize each project with
 * the local stage, then apply its stacks to moto in deploy order. The result is written beside the instance's
 * state, where `status` and the compute step read it.
 */
export const deployPlatform = async (options: DeployOptions): Promise<DeployResult> => {
  const stateDir = instanceDir(options.instance);
  const report = await synthesizeAll({
    outdir: join(stateDir, 'synth'),
    environment: options.environment,
    ...(options.extraProjectDirectories === undefined
      ? {}
      : { extraProjectDirectories: options.extraProjectDirectories }),
    onProgress: (progress) => options.onProgress?.({ step: 'synth', progress }),
  });
  const stacks = allStacks(report);
  const result = await provision(stacks, {
    onStack: (progress) => options.onProgress?.({ step: 'provision', progress }),
  });
  await writeProvisionResult(stateDir, result);
  return { deployment: result.deployment, stackCount: stacks.length, skippedProjects: report.skipped };
};
