import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BuildOptions, buildSync, version as esbuildVersion } from 'esbuild';
import { zipSync } from 'fflate';
import { type BundleFiles, bundleCacheDir, restoreBundle, sha256, storeBundle } from './bundle-cache.ts';

/** `directory` holds `index.mjs` and its source map; `archive`, beside it as `<directory>.zip`, zips them. */
export interface FunctionBundle extends BundleFiles {
  /** The Lambda `handler` setting. */
  readonly handler: string;
  readonly bundleBytes: number;
  /** Whether it was copied from the bundle cache rather than built (see `bundleCacheVariable`). */
  readonly fromCache: boolean;
}

/**
 * Some bundled CommonJS dependencies call `require` for Node built-ins, which an ES module lacks; the banner
 * gives the bundle one.
 */
const requireShim =
  "import { createRequire as secAnCreateRequire } from 'node:module';\nconst require = secAnCreateRequire(import.meta.url);";

/**
 * One ES module per function with everything it imports (the AWS SDK included, so the version that was tested is
 * the version that runs), minified and tree-shaken, with an external source map.
 */
const buildOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  minify: true,
  // Error names are data (they are archived with dead letters and alarmed on); minifying must not rename them.
  keepNames: true,
  treeShaking: true,
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  mainFields: ['module', 'main'],
  banner: { js: requireShim },
  logLevel: 'error',
};

/** A fixed date for every entry, so one bundle always zips to the same bytes and the same source code hash. */
const zipEntryDate = new Date('1980-01-01T00:00:00Z');

/**
 * Zipped in this process: cdktf's archive asset would run a shell and a second Node for every function, which
 * took as long as bundling it.
 */
const writeArchive = (directory: string, archive: string): void => {
  const files = Object.fromEntries(
    readdirSync(directory)
      .sort()
      .map((name) => [name, readFileSync(join(directory, name))]),
  );
  writeFileSync(archive, zipSync(files, { level: 6, mtime: zipEntryDate }));
};

const build = (entry: string, files: BundleFiles): string[] => {
  rmSync(files.directory, { recursive: true, force: true });
  mkdirSync(files.directory, { recursive: true });
  const { metafile } = buildSync({
    ...buildOptions,
    entryPoints: [entry],
    outfile: join(files.directory, 'index.mjs'),
    metafile: true,
  });
  writeArchive(files.directory, files.archive);
  return Object.keys(metafile.inputs).map((input) => resolve(input));
};

/**
 * Bundles `entry` into `directory` and zips it into the deployment package. With a bundle cache, an entry whose
 * every input file is unchanged since it was last bundled with these options is copied instead of rebuilt.
 */
export const bundleHandler = (entry: string, directory: string): FunctionBundle => {
  const files: BundleFiles = { directory, archive: `${directory}.zip` };
  const cacheDir = bundleCacheDir();
  const key = sha256(JSON.stringify({ entry: resolve(entry), buildOptions, esbuildVersion }));
  const fromCache = cacheDir !== undefined && restoreBundle(cacheDir, key, files);
  if (!fromCache) {
    const inputs = build(entry, files);
    if (cacheDir !== undefined) storeBundle(cacheDir, key, files, inputs);
  }
  return {
    ...files,
    handler: 'index.handler',
    bundleBytes: statSync(join(directory, 'index.mjs')).size,
    fromCache,
  };
};
