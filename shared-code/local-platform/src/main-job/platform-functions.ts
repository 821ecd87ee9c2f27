import type { DeployResult } from '../platform/index.ts';

export class MainJobError extends Error {
  override readonly name = 'MainJobError';
}

/**
 * Runs a deployed function once and returns what it returned, as `aws lambda invoke` would. The function is found
 * in the deployment by its project and name, the way the constructs name it (`{app}-{stage}-{project}-{name}`).
 */
export const invokeDeployed = async (
  deployed: DeployResult,
  project: string,
  name: string,
): Promise<Record<string, unknown>> => {
  const suffix = `-${project}-${name}`;
  const found = deployed.deployment.functions.find(
    (fn) => fn.project === project && fn.functionName.endsWith(suffix),
  );
  if (found === undefined) throw new MainJobError(`no function ${project}/${name} is deployed`);
  const outcome = await deployed.compute.invoke(found.functionName, {});
  if (!outcome.ok) {
    throw new MainJobError(
      `${found.functionName} failed: ${outcome.error.errorType}: ${outcome.error.errorMessage}`,
    );
  }
  return (outcome.payload ?? {}) as Record<string, unknown>;
};
