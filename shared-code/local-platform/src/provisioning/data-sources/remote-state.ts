import type { Applier } from '../applier.ts';
import { InvalidConfigurationError } from '../errors.ts';

/** cdktf's cross-stack reference: the outputs of a stack of the same project, provisioned before. */
export const readRemoteState: Applier = async (config, context) => {
  const backend = config.string('backend');
  const settings = config.block('config')?.values ?? {};
  const outputs = context.stackOutputsAt({ type: backend, config: settings });
  if (outputs === undefined) {
    throw new InvalidConfigurationError(
      context.address,
      `reads the outputs of a stack that is not provisioned (${backend} state ${JSON.stringify(settings)})`,
    );
  }
  return { ...config.values, id: backend, outputs };
};
