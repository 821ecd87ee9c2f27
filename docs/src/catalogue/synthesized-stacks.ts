import { readFileSync } from 'node:fs';
import { stackFile, synthesizeAll } from '@sec-an/local-platform/synth';
import { catalogueSettings } from './catalogue-settings.ts';

/** A Terraform block of a synthesized stack, as cdktf writes it (with its construct path under `//`). */
export type Block = Readonly<Record<string, unknown>>;

/** Blocks by Terraform type, then by logical id. */
export type BlocksByType = Readonly<Record<string, Readonly<Record<string, Block>>>>;

/** One synthesized stack: what every section of the catalogue is read from. */
export interface SynthesizedStack {
  readonly project: string;
  readonly stack: string;
  readonly resources: BlocksByType;
  readonly data: BlocksByType;
}

const readStack = (project: string, stack: string, file: string): SynthesizedStack => {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { resource?: BlocksByType; data?: BlocksByType };
  return { project, stack, resources: json.resource ?? {}, data: json.data ?? {} };
};

/**
 * The synth's environment is this process's plus the settings given, so the caller's own deploy settings are
 * taken out for the synth and put back after it. SEC_AN_HOME only says where the local cache is.
 */
const withoutDeploySettings = (): Record<string, string> => {
  const removed: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('SEC_AN_') || name === 'SEC_AN_HOME' || value === undefined) continue;
    removed[name] = value;
    delete process.env[name];
  }
  return removed;
};

/**
 * Every stack of every project that has a cdktf.json, in deploy order, synthesized by the same code as the local
 * platform's, with only the catalogue's settings: a deploy setting of the caller's environment (a scan scope, a
 * reader role) must not change the committed catalogue.
 */
export const synthesizeForCatalogue = async (outdir: string): Promise<readonly SynthesizedStack[]> => {
  const inherited = withoutDeploySettings();
  try {
    const report = await synthesizeAll({ outdir, environment: catalogueSettings.environment });
    return report.projects.flatMap(({ project, stacks }) =>
      stacks.map((stack) => readStack(project, stack.stack, stackFile(stack))),
    );
  } finally {
    Object.assign(process.env, inherited);
  }
};
