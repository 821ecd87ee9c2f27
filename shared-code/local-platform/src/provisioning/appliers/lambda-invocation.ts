import { createHash } from 'node:crypto';
import type { Applier } from '../applier.ts';
import { InvalidConfigurationError } from '../errors.ts';
import { functionNameOf } from '../names.ts';

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * Recorded for the platform to run once the compute step has started, as Terraform invokes it during the apply.
 * Its `result` is not known while provisioning: nothing of sec-an reads it.
 */
export const applyLambdaInvocation: Applier = async (config, context) => {
  const functionName = functionNameOf(config.string('function_name'));
  const input = config.string('input');
  if (!isJson(input)) throw new InvalidConfigurationError(context.address, 'input is not JSON');
  const qualifier = config.optionalString('qualifier') ?? '$LATEST';
  if (qualifier !== '$LATEST') return context.notApplied(`qualifier ${qualifier}: only $LATEST runs locally`);
  const scope = config.optionalString('lifecycle_scope') ?? 'CREATE_ONLY';
  if (scope !== 'CREATE_ONLY') return context.notApplied(`lifecycle_scope ${scope} is not run locally`);
  context.deployment.invocations.push({
    address: context.address,
    project: context.project,
    functionName,
    input,
  });
  const inputHash = createHash('md5').update(input).digest('hex');
  return { ...config.values, id: `${functionName}_${qualifier}_${inputHash}`, qualifier, result: '' };
};
