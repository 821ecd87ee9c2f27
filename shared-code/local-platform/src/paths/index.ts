import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The one ignored folder that holds every download, installation and runtime state of the local platform. */
export const cacheDir = (): string => process.env.SEC_AN_HOME ?? join(repositoryRoot, '.local');

export const downloadsDir = (): string => join(cacheDir(), 'downloads');

/** Runtime state of one instance of the backends (`local` for the command line, `test` for the test suite). */
export const instanceDir = (instance: string): string => join(cacheDir(), 'state', instance);

export { repositoryRoot };
