import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SetupError } from '../errors/index.ts';
import { cacheDir, downloadsDir } from '../paths/index.ts';
import { findOnPath, runCommand } from '../processes/index.ts';

/** The distribution the local node runs: the same engine version as the AWS domain (2.19). */
export const openSearchVersion = '2.19.4';
const artifact = `org.opensearch.distribution.integ-test-zip:opensearch:${openSearchVersion}:zip`;

export const openSearchHome = (version = openSearchVersion): string =>
  join(cacheDir(), 'opensearch', `opensearch-${version}`);

const mavenRepository = (): string => join(downloadsDir(), 'maven');

const zipPath = (version: string): string =>
  join(
    mavenRepository(),
    'org/opensearch/distribution/integ-test-zip/opensearch',
    version,
    `opensearch-${version}.zip`,
  );

/** Maven resolves the artifact by its coordinates and verifies its checksum; its local repository is our cache. */
const download = async (version: string): Promise<void> => {
  if (existsSync(zipPath(version))) return;
  const maven = findOnPath('mvn');
  if (maven === undefined) {
    throw new SetupError(
      'Maven (mvn) is not on PATH, and it fetches the OpenSearch distribution from Maven Central',
      'install Maven (apt-get install maven), then run again',
    );
  }
  const coordinates = artifact.replace(openSearchVersion, version);
  const result = await runCommand(maven, [
    '--batch-mode',
    '--quiet',
    '--strict-checksums',
    `-Dmaven.repo.local=${mavenRepository()}`,
    'dependency:get',
    `-Dartifact=${coordinates}`,
    '-Dtransitive=false',
  ]);
  if (result.exitCode !== 0 || !existsSync(zipPath(version))) {
    const reason = result.output
      .split('\n')
      .filter((line) => line.includes('ERROR'))
      .slice(0, 3)
      .join('\n');
    throw new SetupError(
      `could not download ${coordinates} from Maven Central:\n${reason || result.output.trim()}\n`,
      'check the network connection to Maven Central (and any Maven proxy settings), then run again',
    );
  }
};

/** Python's zipfile is always there (moto needs Python) but does not keep modes, so the launchers are marked. */
const extract = async (version: string): Promise<void> => {
  const parent = join(cacheDir(), 'opensearch');
  const staging = join(parent, `.extracting-${version}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const unzip = await runCommand('python3', ['-m', 'zipfile', '-e', zipPath(version), staging]);
  if (unzip.exitCode !== 0) {
    throw new SetupError(
      `could not unpack ${zipPath(version)}:\n${unzip.output}`,
      'delete the file so that it is downloaded again',
    );
  }
  const bin = join(staging, `opensearch-${version}`, 'bin');
  for (const launcher of readdirSync(bin).filter((name) => !/\.(bat|exe)$/.test(name))) {
    chmodSync(join(bin, launcher), 0o755);
  }
  renameSync(join(staging, `opensearch-${version}`), openSearchHome(version));
  rmSync(staging, { recursive: true, force: true });
};

/** Downloads and unpacks the distribution once; later calls find it in the cache. */
export const installOpenSearch = async (version = openSearchVersion): Promise<string> => {
  if (!existsSync(join(openSearchHome(version), 'bin', 'opensearch'))) {
    await download(version);
    await extract(version);
  }
  return openSearchHome(version);
};
