import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { ComputeError } from './compute-error.ts';

/** Where a function's deployment package is unpacked: what Lambda calls its task root. */
export const taskRootOf = (stateDir: string, functionName: string): string =>
  join(stateDir, 'functions', functionName);

const inside = (root: string, entry: string): string => {
  const target = resolve(root, entry);
  const fromRoot = relative(root, target);
  // An entry like `../x` would write outside the task root: a package never needs it, an attack would.
  if (fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) {
    throw new ComputeError(`deployment package entry "${entry}" points outside its folder`);
  }
  return target;
};

/**
 * Unpacks a deployment package into a fresh task root, as Lambda does on a cold start: files of an earlier
 * version of the package do not survive.
 */
export const unpackPackage = async (archivePath: string, taskRoot: string): Promise<void> => {
  let archive: Uint8Array;
  try {
    archive = await readFile(archivePath);
  } catch (error) {
    throw new ComputeError(`cannot read the deployment package ${archivePath}: ${(error as Error).message}`);
  }
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(archive);
  } catch (error) {
    throw new ComputeError(`${archivePath} is not a zip archive: ${(error as Error).message}`);
  }
  // Every entry is checked before anything is written: a refused package leaves no half of itself behind.
  const targets = Object.entries(entries).map(([entry, content]) => ({
    target: inside(taskRoot, entry),
    folder: entry.endsWith('/'),
    content,
  }));
  await rm(taskRoot, { recursive: true, force: true });
  await mkdir(taskRoot, { recursive: true });
  for (const { target, folder, content } of targets) {
    await mkdir(folder ? target : dirname(target), { recursive: true });
    if (!folder) await writeFile(target, content);
  }
};
