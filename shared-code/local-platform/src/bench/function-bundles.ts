import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCommand } from '../processes/index.ts';
import type { StackArtifact } from '../synth/index.ts';
import { stackFile } from '../synth/index.ts';

export interface FunctionPackage {
  readonly functionName: string;
  readonly zipPath: string;
}

interface LambdaResource {
  readonly function_name: string;
  readonly filename: string;
}

/** Every function of the synthesized stacks, with the deployment package Terraform would upload. */
export const functionPackages = (stacks: readonly StackArtifact[]): FunctionPackage[] =>
  stacks.flatMap((stack) => {
    const document = JSON.parse(readFileSync(stackFile(stack), 'utf8')) as {
      resource?: { aws_lambda_function?: Record<string, LambdaResource> };
    };
    return Object.values(document.resource?.aws_lambda_function ?? {}).map((fn) => ({
      functionName: fn.function_name,
      zipPath: join(stack.directory, fn.filename),
    }));
  });

export const zippedBytes = (pkg: FunctionPackage): number => statSync(pkg.zipPath).size;

/** A fresh Node process imports the module; the time of the import alone is what a cold start adds. */
const importMilliseconds = async (modulePath: string): Promise<number> => {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(modulePath).href)}); process.stdout.write(String(performance.now() - t));`;
  const result = await runCommand(process.execPath, ['--input-type=module', '--eval', script], {
    timeoutMs: 60_000,
  });
  if (result.exitCode !== 0) throw new Error(`importing ${modulePath} failed:\n${result.output}`);
  return Number(result.output.trim());
};

/** The median of a few runs, so one slow start of the machine does not decide the figure. */
export const moduleInitMilliseconds = async (modulePath: string, runs = 5): Promise<number> => {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) times.push(await importMilliseconds(modulePath));
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? Number.NaN;
};
