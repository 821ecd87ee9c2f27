import { fileURLToPath } from 'node:url';
import { bundleHandler } from '@sec-an/constructs/node-function';

/** The container entrypoint's sources. */
export const entrypointSource = fileURLToPath(new URL('../entrypoint/main.ts', import.meta.url));

/** Where the Dockerfile takes the bundle from: `dist/entrypoint/` of this project (its build context). */
export const entrypointBundleDir = fileURLToPath(new URL('../../dist/entrypoint', import.meta.url));

/**
 * The entrypoint and everything it imports as one ES module for Node 24 (`index.mjs`), as the functions are
 * bundled: the image needs no package manager and runs exactly the code that was tested.
 */
export const bundleEntrypoint = (directory: string = entrypointBundleDir): string =>
  bundleHandler(entrypointSource, directory).directory;
