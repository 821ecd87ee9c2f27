import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

export interface FunctionBundle {
  /** Folder holding `index.mjs` and its source map: what the deployment package zips. */
  readonly directory: string;
  /** The Lambda `handler` setting. */
  readonly handler: string;
  readonly bundleBytes: number;
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
export const bundleHandler = (entry: string, directory: string): FunctionBundle => {
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const outfile = join(directory, 'index.mjs');
  buildSync({
    entryPoints: [entry],
    outfile,
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
  });
  return { directory, handler: 'index.handler', bundleBytes: statSync(outfile).size };
};
