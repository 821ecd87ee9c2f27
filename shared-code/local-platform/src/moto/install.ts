import { join } from 'node:path';
import { cacheDir } from '../paths/index.ts';
import { installIntoVenv, type VenvPackage, venvBinary } from '../python-venv/index.ts';

/** The moto release the platform is tested against (see docs/adr/0004-local-backends.md). */
export const motoVersion = '5.2.5';

const moto = (): VenvPackage => ({
  name: 'moto',
  requirement: 'moto[server]',
  version: motoVersion,
  venvDir: join(cacheDir(), 'venv'),
});

export const motoServerBinary = (): string => venvBinary(moto().venvDir, 'moto_server');

/** Creates the Python virtual environment with `moto[server]` once; later calls only check the stamp. */
export const installMoto = (): Promise<void> => installIntoVenv(moto());
