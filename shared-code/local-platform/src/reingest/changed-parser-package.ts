import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { DeployedFunction, Deployment } from '../deployment/index.ts';

/**
 * A change to a deployment package's code: `from` must match exactly once in it. A pattern, since the bundler
 * minifies the code (`$1` in `to` is what the pattern's first group matched, a minified name).
 */
export interface CodeChange {
  readonly from: RegExp;
  readonly to: string;
}

const matchCount = (text: string, pattern: RegExp): number =>
  text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;

const changedText = (text: string, change: CodeChange, where: string): string => {
  const count = matchCount(text, change.from);
  if (count !== 1) {
    throw new Error(`${where} matches ${change.from} ${count} times, not once: the change cannot be made`);
  }
  return text.replace(change.from, change.to);
};

/**
 * The function's deployment package with its code changed, as a fixed parser's next deploy would bring it: a
 * test controls what the parser does differently, and every other byte of the package is the deployed one.
 */
const changedPackage = async (
  fn: DeployedFunction,
  changes: readonly CodeChange[],
  folder: string,
): Promise<string> => {
  const entries = unzipSync(await readFile(fn.archivePath));
  const pending = new Set(changes);
  for (const [name, content] of Object.entries(entries)) {
    if (!/\.(m?js|cjs)$/.test(name)) continue;
    let text = new TextDecoder().decode(content);
    for (const change of [...pending].filter(({ from }) => from.test(text))) {
      text = changedText(text, change, `${fn.functionName}'s ${name}`);
      pending.delete(change);
    }
    entries[name] = new TextEncoder().encode(text);
  }
  const [missing] = pending;
  if (missing !== undefined)
    throw new Error(`no file of ${fn.functionName}'s package matches ${missing.from}`);
  const archivePath = join(folder, `${fn.functionName}.zip`);
  await writeFile(archivePath, zipSync(entries));
  return archivePath;
};

/** The deployment with one function's package changed; the rest as deployed. */
export const withChangedFunction = async (
  deployment: Deployment,
  functionName: string,
  changes: readonly CodeChange[],
  folder: string,
): Promise<Deployment> => {
  const target = deployment.functions.find((fn) => fn.functionName === functionName);
  if (target === undefined) throw new Error(`no function ${functionName} is deployed`);
  const archivePath = await changedPackage(target, changes, folder);
  return {
    ...deployment,
    functions: deployment.functions.map((fn) => (fn === target ? { ...fn, archivePath } : fn)),
  };
};
