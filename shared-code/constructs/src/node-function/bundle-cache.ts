import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where bundles are kept between synths, when set: a test run sets it, since its suites synthesize the same
 * functions a dozen times. Unset, every synth bundles afresh.
 */
export const bundleCacheVariable = 'SEC_AN_BUNDLE_CACHE_DIR';

export const bundleCacheDir = (): string | undefined => process.env[bundleCacheVariable] || undefined;

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Each input file's content hash; a file gone since is `missing`, which no hash equals. */
const fingerprint = (paths: readonly string[]): Record<string, string> =>
  Object.fromEntries(paths.map((path) => [path, existsSync(path) ? sha256(readFileSync(path)) : 'missing']));

/** What a bundle is made of on disk: its folder, and the deployment package zipped from it. */
export interface BundleFiles {
  readonly directory: string;
  readonly archive: string;
}

const recordFile = (entryDir: string) => join(entryDir, 'inputs.json');
const storedFiles = (entryDir: string): BundleFiles => ({
  directory: join(entryDir, 'bundle'),
  archive: join(entryDir, 'package.zip'),
});

const copyFiles = (from: BundleFiles, to: BundleFiles): void => {
  rmSync(to.directory, { recursive: true, force: true });
  cpSync(from.directory, to.directory, { recursive: true });
  cpSync(from.archive, to.archive);
};

const recordedInputs = (entryDir: string): Record<string, string> | undefined => {
  try {
    return JSON.parse(readFileSync(recordFile(entryDir), 'utf8')) as Record<string, string>;
  } catch {
    return undefined;
  }
};

/**
 * Copies the bundle stored under `key` to `target` when every file it was built from still has the content it had
 * then. Returns whether it did. An entry that cannot be read, or is replaced while it is copied by a synth running
 * beside this one, is a miss: the caller builds the bundle, which overwrites whatever was copied.
 */
export const restoreBundle = (cacheDir: string, key: string, target: BundleFiles): boolean => {
  const entryDir = join(cacheDir, key);
  const recorded = recordedInputs(entryDir);
  if (recorded === undefined) return false;
  const current = fingerprint(Object.keys(recorded));
  if (Object.entries(recorded).some(([path, hash]) => current[path] !== hash)) return false;
  try {
    copyFiles(storedFiles(entryDir), target);
    return true;
  } catch {
    return false;
  }
};

/**
 * Keeps the bundle `source` under `key`, with the hashes of the files it was built from. It is written aside and
 * renamed into place, so an entry is never half written; one being replaced is a miss to a reader (see
 * `restoreBundle`). A store that loses a race with another synth's store of the key is dropped: either is the
 * same bundle.
 */
export const storeBundle = (
  cacheDir: string,
  key: string,
  source: BundleFiles,
  inputs: readonly string[],
): void => {
  const staging = join(cacheDir, `${key}.${process.pid}.partial`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  copyFiles(source, storedFiles(staging));
  writeFileSync(recordFile(staging), JSON.stringify(fingerprint(inputs)));
  const entryDir = join(cacheDir, key);
  rmSync(entryDir, { recursive: true, force: true });
  try {
    renameSync(staging, entryDir);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
};
