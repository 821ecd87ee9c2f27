import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProvisionResult } from './provision.ts';

export const deploymentFileName = 'deployment.json';
export const resourcesFileName = 'resources.json';

/** Writes `deployment.json` (read by the compute step and the CLI) and `resources.json` into `directory`. */
export const writeProvisionResult = async (directory: string, result: ProvisionResult): Promise<void> => {
  await mkdir(directory, { recursive: true });
  await writeFile(join(directory, deploymentFileName), `${JSON.stringify(result.deployment, null, 2)}\n`);
  await writeFile(join(directory, resourcesFileName), `${JSON.stringify(result.resources, null, 2)}\n`);
};
