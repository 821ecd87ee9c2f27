import type { Applier, ApplyContext, Attributes } from './applier.ts';
import { resourceAppliers } from './appliers/index.ts';
import { AttributeStore } from './attribute-store.ts';
import { ResourceConfig } from './config.ts';
import { dataSourceReaders } from './data-sources/index.ts';
import { deployOrder } from './deploy-order.ts';
import type { DeploymentRecorder } from './deployment-recorder.ts';
import type { AwsEnvironment } from './environment.ts';
import { ApplyError, InvalidConfigurationError, ProvisioningError } from './errors.ts';
import { placeholderAttributes } from './placeholders.ts';
import { type ReferenceLookup, resolveValue } from './resolve.ts';
import { qualifiedAddress, type StackDocument, type TerraformBlock } from './stack-document.ts';
import type { StackOutputs } from './stack-outputs.ts';

export interface AppliedResource {
  readonly type: string;
  readonly attributes: Attributes;
}

export interface StackSummary {
  readonly project: string;
  readonly stack: string;
  readonly applied: number;
  readonly unapplied: number;
}

/** What every stack of one provisioning run shares. */
export interface ProvisioningRun {
  readonly environment: AwsEnvironment;
  readonly recorder: DeploymentRecorder;
  readonly outputs: StackOutputs;
  /** Gains every block's attributes by qualified address. */
  readonly resources: Record<string, AppliedResource>;
}

interface StackRun extends ProvisioningRun {
  readonly document: StackDocument;
  readonly store: AttributeStore;
}

// Arguments that name a resource, in the order a placeholder looks for its name.
const nameArguments = ['name', 'function_name', 'bucket', 'family', 'domain_name', 'statement_id'];

const literalArguments = (config: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(config).filter(([, value]) => !JSON.stringify(value).includes('${')));

/**
 * An unapplied resource may use expressions the platform does not resolve (functions in an IAM policy); its
 * arguments only seed placeholder values, so what cannot be resolved is left out instead of failing.
 */
const bestEffortArguments = (block: TerraformBlock, lookup: ReferenceLookup, address: string) => {
  try {
    return resolveValue(block.config, lookup, address) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ProvisioningError) return literalArguments(block.config);
    throw error;
  }
};

const placeholdersOf = (
  run: StackRun,
  block: TerraformBlock,
  values: Record<string, unknown>,
): Attributes => {
  const address = qualifiedAddress(run.document, block.address);
  const named = nameArguments.map((key) => values[key]).find((value) => typeof value === 'string');
  const name = typeof named === 'string' ? named : block.name;
  return placeholderAttributes(block.type, address, name, values, run.environment);
};

const notEmulatedReason = (block: TerraformBlock): string =>
  block.mode === 'data' ? 'data source not read locally' : 'resource type not emulated locally';

const applierOf = (block: TerraformBlock): Applier | undefined =>
  (block.mode === 'data' ? dataSourceReaders : resourceAppliers)[block.type];

/** Applies one block and stores its attributes; returns whether it was applied. */
const applyBlock = async (run: StackRun, block: TerraformBlock): Promise<boolean> => {
  const address = qualifiedAddress(run.document, block.address);
  const lookup = run.store.lookupFor(address);
  let applied = true;
  const notApplied = (reason: string, values: Record<string, unknown>): Attributes => {
    applied = false;
    run.recorder.unapplied.push({ address, type: block.type, reason });
    return placeholdersOf(run, block, values);
  };
  const applier = applierOf(block);
  let attributes: Attributes;
  if (applier === undefined) {
    attributes = notApplied(notEmulatedReason(block), bestEffortArguments(block, lookup, address));
  } else {
    if (block.repeated)
      throw new InvalidConfigurationError(address, 'count and for_each are not supported locally');
    const values = resolveValue(block.config, lookup, address) as Record<string, unknown>;
    const context: ApplyContext = {
      address,
      type: block.type,
      project: run.document.project,
      directory: run.document.directory,
      environment: run.environment,
      deployment: run.recorder,
      stackOutputsAt: (settings) => run.outputs.outputsAt(settings),
      tagsOf: (config) => ({ ...run.document.defaultTags, ...config.stringMap('tags') }),
      notApplied: (reason) => notApplied(reason, values),
    };
    attributes = await applier(new ResourceConfig(address, values), context).catch((error: unknown) => {
      throw error instanceof ProvisioningError ? error : new ApplyError(address, error);
    });
  }
  run.store.set(block.address, {
    attributes,
    placeholder: !applied,
    name: String(attributes.name ?? block.name),
  });
  run.resources[address] = { type: block.type, attributes };
  return applied;
};

/** Applies a stack's blocks in deploy order, then offers its outputs to the stacks after it. */
export const provisionStack = async (
  document: StackDocument,
  provisioning: ProvisioningRun,
): Promise<StackSummary> => {
  const run: StackRun = { ...provisioning, document, store: new AttributeStore() };
  let applied = 0;
  let unapplied = 0;
  for (const block of deployOrder(document)) {
    if (await applyBlock(run, block)) applied += 1;
    else unapplied += 1;
  }
  provisioning.outputs.add(document, run.store);
  return { project: document.project, stack: document.stack, applied, unapplied };
};
