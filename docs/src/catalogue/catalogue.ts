import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '@sec-an/local-platform/paths';
import { deployOrder } from '@sec-an/local-platform/synth';
import { contractsSection } from './contracts-section.ts';
import { replaceGeneratedBlocks } from './generated-blocks.ts';
import { indicesSection } from './indices-section.ts';
import { parametersSection } from './parameters-section.ts';
import { routesSection } from './routes-section.ts';
import { stacksSection } from './stacks-section.ts';
import type { SynthesizedStack } from './synthesized-stacks.ts';
import { tablesSection } from './tables-section.ts';

export const catalogueFile = join(repositoryRoot, 'docs', 'catalogue.md');

/** Each generated block of the catalogue, by marker name, from the contracts and the synthesized stacks. */
export const generatedBlocks = async (
  stacks: readonly SynthesizedStack[],
): Promise<Readonly<Record<string, string>>> => ({
  stacks: stacksSection(stacks),
  contracts: await contractsSection(),
  routes: routesSection(stacks),
  parameters: parametersSection(stacks, deployOrder),
  tables: tablesSection(stacks),
  indices: indicesSection(stacks),
});

const biome = join(repositoryRoot, 'node_modules', '.bin', 'biome');

/** The repository's formatter over the text, so the generated file is what `biome ci` expects of it. */
const formatted = (markdown: string): string => {
  const result = spawnSync(biome, ['format', `--stdin-file-path=${catalogueFile}`], {
    cwd: repositoryRoot,
    input: markdown,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`biome could not format the catalogue: ${result.stderr}`);
  return result.stdout;
};

/** The catalogue as it should be: the committed file with its generated blocks regenerated, then formatted. */
export const renderCatalogue = async (stacks: readonly SynthesizedStack[]): Promise<string> =>
  formatted(replaceGeneratedBlocks(readFileSync(catalogueFile, 'utf8'), await generatedBlocks(stacks)));
