import type { ComputeHandle, InvocationError } from '../compute/index.ts';
import type { DeployedInvocation } from '../deployment/index.ts';
import { SetupError } from '../errors/index.ts';

/** One deploy-time invocation that succeeded, with what the function returned. */
export interface InvocationRun {
  readonly address: string;
  readonly functionName: string;
  readonly elapsedMs: number;
  readonly result: unknown;
}

/** A deploy-time invocation failed, as `terraform apply` fails with the function's error. */
export class DeployInvocationError extends SetupError {
  override readonly name = 'DeployInvocationError';
  readonly address: string;
  readonly error: InvocationError;

  constructor(invocation: DeployedInvocation, error: InvocationError) {
    super(
      `${invocation.address}: ${invocation.functionName} failed: ${error.errorType}: ${error.errorMessage}`,
      `see the function's log, fix the cause and deploy again`,
    );
    this.address = invocation.address;
    this.error = error;
  }
}

/**
 * Runs each `aws_lambda_invocation` once, synchronously, in deploy order (a later stack's invocation may need what
 * an earlier one provisioned), and stops at the first that fails.
 */
export const runDeployInvocations = async (
  compute: ComputeHandle,
  invocations: readonly DeployedInvocation[],
  onRun: (run: InvocationRun) => void = () => undefined,
): Promise<InvocationRun[]> => {
  const runs: InvocationRun[] = [];
  for (const invocation of invocations) {
    const started = performance.now();
    const outcome = await compute.invoke(invocation.functionName, JSON.parse(invocation.input));
    if (!outcome.ok) throw new DeployInvocationError(invocation, outcome.error);
    const run = {
      address: invocation.address,
      functionName: invocation.functionName,
      elapsedMs: performance.now() - started,
      result: outcome.payload,
    };
    runs.push(run);
    onRun(run);
  }
  return runs;
};
