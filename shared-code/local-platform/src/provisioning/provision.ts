import type { Deployment } from '../deployment/index.ts';
import { DeploymentRecorder } from './deployment-recorder.ts';
import { awsEnvironment } from './environment.ts';
import { checkParameterReads } from './parameter-check.ts';
import {
  type AppliedResource,
  type ProvisioningRun,
  provisionStack,
  type StackSummary,
} from './provision-stack.ts';
import { readStackDocument, type SynthesizedStack } from './stack-document.ts';
import { stackOrder } from './stack-order.ts';
import { StackOutputs } from './stack-outputs.ts';

export interface StackProgress extends StackSummary {
  /** 1-based position of the stack in deploy order. */
  readonly position: number;
  readonly total: number;
  readonly elapsedMs: number;
}

export interface ProvisionOptions {
  /** Called after each stack, for the command line's progress lines. */
  readonly onStack?: (progress: StackProgress) => void;
}

export interface ProvisionResult {
  readonly deployment: Deployment;
  /** Every resource and data source by `<project>/<stack>/<terraform address>`, placeholders included. */
  readonly resources: Record<string, AppliedResource>;
}

/**
 * Applies synthesized stacks to moto, given in the deploy order of their projects; a stack that reads another's
 * SSM parameter is moved after it. What AWS would run (functions, mappings, subscriptions to functions,
 * notifications, schedules) is recorded in the deployment for the compute step.
 */
export const provision = async (
  stacks: readonly SynthesizedStack[],
  options: ProvisionOptions = {},
): Promise<ProvisionResult> => {
  const documents = stackOrder(await Promise.all(stacks.map(readStackDocument)));
  await checkParameterReads(documents);
  const environment = await awsEnvironment();
  const run: ProvisioningRun = {
    environment,
    recorder: new DeploymentRecorder(),
    outputs: new StackOutputs(),
    resources: {},
  };
  for (const [index, document] of documents.entries()) {
    const started = performance.now();
    const summary = await provisionStack(document, run);
    options.onStack?.({
      ...summary,
      position: index + 1,
      total: documents.length,
      elapsedMs: performance.now() - started,
    });
  }
  return { deployment: run.recorder.deployment(), resources: run.resources };
};
