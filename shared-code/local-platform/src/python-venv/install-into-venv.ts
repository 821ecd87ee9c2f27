import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SetupError } from '../errors/index.ts';
import { downloadsDir } from '../paths/index.ts';
import { findOnPath, runCommand } from '../processes/index.ts';

/** One pinned PyPI package in a virtual environment of its own. */
export interface VenvPackage {
  /** What the stamp file and the messages call it, e.g. `moto`. */
  readonly name: string;
  /** The requirement without its version, e.g. `moto[server]`. */
  readonly requirement: string;
  readonly version: string;
  readonly venvDir: string;
}

const stampFile = (pkg: VenvPackage): string => join(pkg.venvDir, `sec-an-${pkg.name}-version`);

export const venvBinary = (venvDir: string, program: string): string => join(venvDir, 'bin', program);

/** Whether the venv already holds the pinned version (its stamp is written only after pip succeeded). */
export const isInstalledInVenv = (pkg: VenvPackage): boolean =>
  existsSync(stampFile(pkg)) && readFileSync(stampFile(pkg), 'utf8') === pkg.version;

const createVenv = async (pkg: VenvPackage): Promise<void> => {
  const python = findOnPath('python3');
  if (python === undefined) {
    throw new SetupError(
      `python3 is not on PATH, and ${pkg.name} runs on Python`,
      'install Python 3.9 or newer',
    );
  }
  // --clear: a venv left half-built by an interrupted install must not shadow the fresh one.
  const venv = await runCommand(python, ['-m', 'venv', '--clear', pkg.venvDir]);
  if (venv.exitCode !== 0) {
    throw new SetupError(
      `could not create a Python venv:\n${venv.output}`,
      'install the python3-venv package',
    );
  }
};

const pipInstall = async (pkg: VenvPackage): Promise<void> => {
  const pinned = `${pkg.requirement}==${pkg.version}`;
  const pip = await runCommand(
    venvBinary(pkg.venvDir, 'pip'),
    ['install', '--quiet', '--disable-pip-version-check', pinned],
    { env: { ...process.env, PIP_CACHE_DIR: join(downloadsDir(), 'pip') } },
  );
  if (pip.exitCode !== 0) {
    throw new SetupError(
      `could not install ${pinned} from PyPI:\n${pip.output.trim()}\n`,
      'check the network connection to the Python package index, then run again',
    );
  }
};

/** Creates the venv with the pinned package once; later calls only check the stamp. */
export const installIntoVenv = async (pkg: VenvPackage): Promise<void> => {
  if (isInstalledInVenv(pkg)) return;
  await createVenv(pkg);
  await pipInstall(pkg);
  writeFileSync(stampFile(pkg), pkg.version);
};
