import { join } from 'node:path';
import { cacheDir } from '../paths/index.ts';
import { installIntoVenv, type VenvPackage, venvBinary } from '../python-venv/index.ts';

/** The checkov release whose checks CI holds the stacks to; a new release can bring new checks. */
export const checkovVersion = '3.3.30';

// A venv of its own: checkov pins versions of boto3 and friends that must not move moto's.
const checkov = (): VenvPackage => ({
  name: 'checkov',
  requirement: 'checkov',
  version: checkovVersion,
  venvDir: join(cacheDir(), 'venv-checkov'),
});

export const checkovBinary = (): string => venvBinary(checkov().venvDir, 'checkov');

/** Installs checkov into its venv unless the pinned version is already there. */
export const installCheckov = (): Promise<void> => installIntoVenv(checkov());
