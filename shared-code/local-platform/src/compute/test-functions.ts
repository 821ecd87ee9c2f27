import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testBackends } from '@sec-an/testing/backends';
import { strToU8, zipSync } from 'fflate';
import { backendsEnvironment, localRegion } from '../backends/environment.ts';
import type { DeployedFunction, Deployment } from '../deployment/index.ts';

/** moto's account. */
export const testAccount = '123456789012';

/** A folder of the suite's own for deployment packages and the compute step's state, removed after it. */
export interface TestWorkspace {
  readonly dir: string;
  readonly stateDir: string;
  remove(): Promise<void>;
}

export const testWorkspace = async (): Promise<TestWorkspace> => {
  const dir = await mkdtemp(join(tmpdir(), 'sec-an-compute-'));
  return { dir, stateDir: join(dir, 'state'), remove: () => rm(dir, { recursive: true, force: true }) };
};

/**
 * A deployment package as Terraform's archive of a bundled handler holds it: the handler's files at the root of
 * a zip. `source` is the whole of `index.mjs`.
 */
export const writeFunctionPackage = async (
  workspace: TestWorkspace,
  name: string,
  source: string,
  extraFiles: Readonly<Record<string, string>> = {},
): Promise<string> => {
  const files = { 'index.mjs': source, ...extraFiles };
  const archivePath = join(workspace.dir, `${name}.zip`);
  await writeFile(
    archivePath,
    zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)]))),
  );
  return archivePath;
};

export const functionArnOf = (functionName: string): string =>
  `arn:aws:lambda:${localRegion}:${testAccount}:function:${functionName}`;

export const testFunction = (
  functionName: string,
  archivePath: string,
  overrides: Partial<DeployedFunction> = {},
): DeployedFunction => ({
  address: `compute-test/stack/aws_lambda_function.${functionName}`,
  project: 'compute-test',
  functionName,
  functionArn: functionArnOf(functionName),
  handler: 'index.handler',
  runtime: 'nodejs24.x',
  archivePath,
  environment: {},
  timeoutSeconds: 5,
  memorySizeMb: 128,
  ...overrides,
});

export const deploymentOf = (parts: Partial<Deployment>): Deployment => ({
  functions: [],
  eventSourceMappings: [],
  topicSubscriptions: [],
  bucketNotifications: [],
  schedules: [],
  asyncInvokeConfigs: [],
  queues: [],
  unapplied: [],
  ...parts,
});

/**
 * Handler source that appends each event it receives as one JSON line to the file in its `RECEIVED_FILE`
 * variable, so a test sees every invocation, and its receive counts, from outside the worker thread.
 */
export const recordingHandler = (body: string): string => `
import { appendFileSync } from 'node:fs';
const received = (event) => appendFileSync(process.env.RECEIVED_FILE, JSON.stringify(event) + '\\n');
export const handler = async (event, context) => {
  received(event);
  ${body}
};
`;

/** The base environment of the functions: the suite's own backends, as `sec-an up` gives its own. */
export const testEnvironment = (): Record<string, string> => {
  const { motoEndpoint, openSearchEndpoint } = testBackends();
  return backendsEnvironment({ motoEndpoint, openSearchEndpoint });
};

/** The events a recording handler received so far, oldest first. */
export const receivedEvents = <T = unknown>(file: string): T[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as T)
    : [];

/** Waits until `check` returns a value other than undefined, failing with `what` after the timeout. */
export const eventually = async <T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
