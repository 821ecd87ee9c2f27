import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SetupError } from '../errors/index.ts';
import { cacheDir, downloadsDir } from '../paths/index.ts';
import { findOnPath, runCommand } from '../processes/index.ts';

/** The moto release the platform is tested against (see docs/adr/0004-local-backends.md). */
export const motoVersion = '5.2.5';

const venvDir = (): string => join(cacheDir(), 'venv');
const stampFile = (): string => join(venvDir(), 'sec-an-moto-version');

export const motoServerBinary = (): string => join(venvDir(), 'bin', 'moto_server');

/** Creates the Python virtual environment with `moto[server]` once; later calls only check the stamp. */
export const installMoto = async (): Promise<void> => {
  if (existsSync(stampFile()) && readFileSync(stampFile(), 'utf8') === motoVersion) return;
  const python = findOnPath('python3');
  if (python === undefined) {
    throw new SetupError('python3 is not on PATH, and moto runs on Python', 'install Python 3.9 or newer');
  }
  const venv = await runCommand(python, ['-m', 'venv', '--clear', venvDir()]);
  if (venv.exitCode !== 0) {
    throw new SetupError(
      `could not create a Python venv:\n${venv.output}`,
      'install the python3-venv package',
    );
  }
  const pip = await runCommand(
    join(venvDir(), 'bin', 'pip'),
    ['install', '--quiet', '--disable-pip-version-check', `moto[server]==${motoVersion}`],
    { env: { ...process.env, PIP_CACHE_DIR: join(downloadsDir(), 'pip') } },
  );
  if (pip.exitCode !== 0) {
    throw new SetupError(
      `could not install moto[server]==${motoVersion} from PyPI:\n${pip.output.trim()}\n`,
      'check the network connection to the Python package index, then run again',
    );
  }
  writeFileSync(stampFile(), motoVersion);
};
