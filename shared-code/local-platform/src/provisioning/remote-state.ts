import type { StackDocument, StateBackendSettings, TerraformBlock } from './stack-document.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The backend settings a `terraform_remote_state` block reads, as cdktf writes them for a cross-stack reference. */
export const remoteStateSettings = (block: TerraformBlock): StateBackendSettings | undefined => {
  const { backend, config } = block.config;
  return typeof backend === 'string' && isObject(config) ? { type: backend, config } : undefined;
};

/**
 * Whether `document` keeps its state where `settings` read from. The reading side may leave out settings that
 * do not locate the state (a lock file), so every setting it names must match and nothing more.
 */
export const keepsStateAt = (document: StackDocument, settings: StateBackendSettings): boolean =>
  document.backend?.type === settings.type &&
  Object.entries(settings.config).every(
    ([key, value]) => JSON.stringify(document.backend?.config[key]) === JSON.stringify(value),
  );

/** The stack among `documents` whose state a remote state block reads. */
export const stackOfRemoteState = (
  documents: readonly StackDocument[],
  block: TerraformBlock,
): StackDocument | undefined => {
  const settings = remoteStateSettings(block);
  return settings === undefined ? undefined : documents.find((document) => keepsStateAt(document, settings));
};

export const remoteStateBlocks = (document: StackDocument): TerraformBlock[] =>
  document.blocks.filter((block) => block.mode === 'data' && block.type === 'terraform_remote_state');
