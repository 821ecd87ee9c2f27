import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { repositoryRoot } from '../paths/index.ts';

/** A folder that deploys on its own with `cdktf deploy`. */
export interface Project {
  /** The folder's name, e.g. `shared-infra`; names the synth output folder and every error. */
  readonly name: string;
  readonly directory: string;
}

/** Every deployable project, in deploy order: each publishes what the later ones reference. */
export const deployOrder = [
  'shared-infra',
  'analytics-platform',
  'task-execution',
  'nmap-scanner',
  'ssl-scanner',
] as const;

export const projectAt = (directory: string): Project => {
  const absolute = resolve(directory);
  return { name: basename(absolute), directory: absolute };
};

export const deployableProjects = (): readonly Project[] =>
  deployOrder.map((name) => projectAt(join(repositoryRoot, name)));

export const cdktfConfigFile = (project: Project): string => join(project.directory, 'cdktf.json');

/** A project without cdktf.json has no stacks yet. */
export const isSynthesizable = (project: Project): boolean => existsSync(cdktfConfigFile(project));
