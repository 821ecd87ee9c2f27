import { SetupError } from '../errors/index.ts';
import { findOnPath, runCommand } from '../processes/index.ts';

/** The programs the platform runs, and the Debian package that provides each. */
export const requiredPrograms: Readonly<Record<string, string>> = {
  nmap: 'nmap',
  sslscan: 'sslscan',
  testssl: 'testssl.sh',
  openssl: 'openssl',
  xmllint: 'libxml2-utils',
  java: 'openjdk-17-jre-headless',
  mvn: 'maven',
};

export const missingPackages = (programs = requiredPrograms): string[] =>
  Object.entries(programs)
    .filter(([program]) => findOnPath(program) === undefined)
    .map(([, debianPackage]) => debianPackage);

const aptGet = async (args: string[]): Promise<void> => {
  const result = await runCommand('apt-get', args, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.exitCode !== 0) {
    throw new SetupError(
      `apt-get ${args.join(' ')} failed:\n${result.output.trim().split('\n').slice(-5).join('\n')}\n`,
      'check the connection to the Debian package mirror, then run again',
    );
  }
};

/**
 * Installs the missing Debian packages when we are root; otherwise names them, since only an administrator can
 * install them. Returns the packages it installed.
 */
export const ensureSystemPackages = async (programs = requiredPrograms): Promise<string[]> => {
  const missing = missingPackages(programs);
  if (missing.length === 0) return [];
  if (process.getuid?.() !== 0 || findOnPath('apt-get') === undefined) {
    throw new SetupError(
      `these packages are missing: ${missing.join(', ')}`,
      `install them (sudo apt-get install ${missing.join(' ')}), then run again`,
    );
  }
  await aptGet(['update', '-qq']);
  await aptGet(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
  return missing;
};
