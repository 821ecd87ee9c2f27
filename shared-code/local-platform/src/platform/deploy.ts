import { join } from 'node:path';
import { type ComputeHandle, type ComputeOptions, startCompute } from '../compute/index.ts';
import type { Deployment } from '../deployment/index.ts';
import { instanceDir } from '../paths/index.ts';
import { provision, type StackProgress, writeProvisionResult } from '../provisioning/index.ts';
import { allStacks, type SynthProgress, synthesizeAll } from '../synth/index.ts';
import { type InvocationRun, runDeployInvocations } from './deploy-invocations.ts';

export type DeployProgress =
  | { readonly step: 'synth'; readonly progress: SynthProgress }
  | { readonly step: 'provision'; readonly progress: StackProgress }
  | { readonly step: 'invoke'; readonly progress: InvocationRun };

export interface DeployOptions {
  readonly instance: string;
  /** The backends' environment: stage, region, endpoints. Synth, provisioning and the functions all read it. */
  readonly environment: Readonly<Record<string, string>>;
  /** Service folders deployed after the projects, e.g. a test's fixture service. */
  readonly extraProjectDirectories?: readonly string[];
  /** The compute step's settings; by default its state lives in the instance's folder. */
  readonly compute?: Partial<ComputeOptions>;
  readonly onProgress?: (progress: DeployProgress) => void;
}

export interface DeployResult {
  readonly deployment: Deployment;
  readonly stackCount: number;
  readonly skippedProjects: readonly string[];
  /** What AWS would run, running: stop it to end the platform. */
  readonly compute: ComputeHandle;
  readonly invocations: readonly InvocationRun[];
}

/**
 * What `cdktf deploy` of every project does on AWS, done on the local backends: synthesize each project with
 * the local stage, apply its stacks to moto in deploy order, start what AWS would run, and run the deploy-time
 * invocations (`aws_lambda_invocation`), which need their functions running. On AWS an invocation runs while its
 * stack deploys; here all run after provisioning, still in deploy order: nothing provisioned reads their results.
 * A failed invocation fails the deploy, and stops what was started. The deployment is written beside the
 * instance's state, where `status` reads it.
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
  const compute = await startCompute(result.deployment, {
    stateDir,
    environment: options.environment,
    ...options.compute,
  });
  try {
    const invocations = await runDeployInvocations(compute, result.deployment.invocations ?? [], (run) =>
      options.onProgress?.({ step: 'invoke', progress: run }),
    );
    return {
      deployment: result.deployment,
      stackCount: stacks.length,
      skippedProjects: report.skipped,
      compute,
      invocations,
    };
  } catch (error) {
    await compute.stop();
    throw error;
  }
};
