import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unpackPackage } from '../compute/function-package.ts';
import { allStacks, synthesizeAll } from '../synth/index.ts';
import { probeServiceDirectory } from '../testing/probe-service/index.ts';
import { benchLine } from './bench-line.ts';
import { functionPackages, moduleInitMilliseconds, zippedBytes } from './function-bundles.ts';

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/**
 * Lambda bundles: the zipped size of every function's deployment package, and the time a fresh Node process
 * takes to import it, against importing an empty module in the same run.
 */
const benchFunctionBundles = async (workDir: string): Promise<void> => {
  const report = await synthesizeAll({
    outdir: join(workDir, 'synth'),
    environment: { SEC_AN_STAGE: 'bench' },
    extraProjectDirectories: [probeServiceDirectory],
  });
  const emptyModule = join(workDir, 'empty.mjs');
  writeFileSync(emptyModule, 'export {};\n');
  const reference = { id: 'bundle-init.empty-module', value: await moduleInitMilliseconds(emptyModule) };
  print(benchLine({ ...reference, unit: 'ms' }));
  for (const pkg of functionPackages(allStacks(report))) {
    print(benchLine({ id: `bundle-zip.${pkg.functionName}`, value: zippedBytes(pkg), unit: 'bytes' }));
    const taskRoot = join(workDir, 'functions', pkg.functionName);
    await unpackPackage(pkg.zipPath, taskRoot);
    const init = await moduleInitMilliseconds(join(taskRoot, 'index.mjs'));
    print(benchLine({ id: `bundle-init.${pkg.functionName}`, value: init, unit: 'ms', reference }));
  }
};

const workDir = mkdtempSync(join(tmpdir(), 'sec-an-bench-'));
try {
  await benchFunctionBundles(workDir);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
