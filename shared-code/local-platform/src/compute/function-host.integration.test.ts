import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { useCleanBackends } from '@sec-an/testing/backends';
import { type ComputeHandle, startCompute } from './compute.ts';
import { logFileOf } from './function-runtime.ts';
import { lastHandlerErrors } from './handler-errors.ts';
import {
  deploymentOf,
  type TestWorkspace,
  testEnvironment,
  testFunction,
  testWorkspace,
  writeFunctionPackage,
} from './test-functions.ts';

/** Reports what it sees of its own environment, and how many times this execution environment has run. */
const environmentReporter = `
let invocations = 0;
export const handler = async (event, context) => {
  invocations += 1;
  if (event.sleepMs) await new Promise((resolve) => setTimeout(resolve, event.sleepMs));
  console.log('reporting for', context.functionName);
  return {
    shared: process.env.SHARED_NAME,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    handlerSetting: process.env._HANDLER,
    taskRoot: process.env.LAMBDA_TASK_ROOT,
    memory: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    version: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    stage: process.env.SEC_AN_STAGE,
    requestId: context.awsRequestId,
    memoryLimit: context.memoryLimitInMB,
    invocations,
  };
};
`;

/** Never settles unless told to: what a handler stuck on a dependency looks like. */
const sometimesStuck = `
let invocations = 0;
export const handler = async (event) => {
  invocations += 1;
  if (event.hang) await new Promise(() => {});
  return { invocations };
};
`;

const throwsTyped = `
class ScanRefusedError extends Error {
  constructor(message) { super(message); this.name = 'ScanRefusedError'; }
}
export const handler = async () => { throw new ScanRefusedError('target is outside the allow-list'); };
`;

describe('running functions from their deployment packages', () => {
  useCleanBackends();
  let workspace: TestWorkspace;
  let compute: ComputeHandle;

  beforeAll(async () => {
    workspace = await testWorkspace();
    const reporter = await writeFunctionPackage(workspace, 'reporter', environmentReporter);
    compute = await startCompute(
      deploymentOf({
        functions: [
          testFunction('alpha', reporter, { environment: { SHARED_NAME: 'alpha-value' }, memorySizeMb: 256 }),
          testFunction('beta', reporter, { environment: { SHARED_NAME: 'beta-value' } }),
          testFunction('stuck', await writeFunctionPackage(workspace, 'stuck', sometimesStuck), {
            timeoutSeconds: 1,
          }),
          testFunction('thrower', await writeFunctionPackage(workspace, 'thrower', throwsTyped)),
          testFunction('misnamed', reporter, { handler: 'index.missing' }),
        ],
      }),
      { stateDir: workspace.stateDir, environment: testEnvironment() },
    );
  });

  afterAll(async () => {
    await compute.stop();
    await workspace.remove();
  });

  it('gives each function its own environment, even running at the same time', async () => {
    const [alpha, beta] = await Promise.all([
      compute.invoke('alpha', { sleepMs: 200 }),
      compute.invoke('beta', { sleepMs: 200 }),
    ]);
    expect(alpha).toMatchObject({
      ok: true,
      payload: {
        shared: 'alpha-value',
        functionName: 'alpha',
        handlerSetting: 'index.handler',
        memory: '256',
        memoryLimit: '256',
        version: '$LATEST',
        stage: 'local',
      },
    });
    expect(beta).toMatchObject({ ok: true, payload: { shared: 'beta-value', functionName: 'beta' } });
    expect(alpha.ok && (alpha.payload as { taskRoot: string }).taskRoot).toMatch(/functions\/alpha$/);
    expect(alpha.ok && (alpha.payload as { requestId: string }).requestId).toBe(alpha.requestId);
    expect(process.env.SHARED_NAME).toBeUndefined();
  });

  it('keeps an execution environment warm, and starts another for a concurrent invocation', async () => {
    const first = await compute.invoke('alpha', {});
    const second = await compute.invoke('alpha', {});
    const count = (outcome: typeof first) =>
      outcome.ok ? (outcome.payload as { invocations: number }).invocations : 0;
    expect(count(second)).toBe(count(first) + 1);
    const concurrent = await Promise.all([
      compute.invoke('beta', { sleepMs: 300 }),
      compute.invoke('beta', { sleepMs: 300 }),
    ]);
    expect(concurrent.map(({ ok }) => ok)).toEqual([true, true]);
    expect(compute.status().beta?.workers).toBe(2);
  });

  it('fails an invocation that overruns its timeout, and runs the next in a fresh environment', async () => {
    await expect(compute.invoke('stuck', {})).resolves.toMatchObject({
      ok: true,
      payload: { invocations: 1 },
    });
    const started = Date.now();
    const timedOut = await compute.invoke('stuck', { hang: true });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(timedOut).toMatchObject({
      ok: false,
      error: { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 1.00 seconds' },
    });
    await expect(compute.invoke('stuck', {})).resolves.toMatchObject({
      ok: true,
      payload: { invocations: 1 },
    });
  });

  it("returns the handler's error as Lambda does, and records it", async () => {
    const outcome = await compute.invoke('thrower', {});
    expect(outcome).toMatchObject({
      ok: false,
      error: { errorType: 'ScanRefusedError', errorMessage: 'target is outside the allow-list' },
    });
    // The stack points into the unpacked package, where the error was thrown.
    expect(outcome.ok ? [] : outcome.error.trace).toContainEqual(
      expect.stringContaining('functions/thrower/index.mjs'),
    );
    const errors = await lastHandlerErrors(workspace.stateDir, 10);
    expect(errors).toContainEqual(
      expect.objectContaining({
        function: 'thrower',
        errorType: 'ScanRefusedError',
        errorMessage: 'target is outside the allow-list',
        trigger: 'direct',
      }),
    );
    expect(compute.status().thrower).toMatchObject({ invocations: 1, errors: 1 });
  });

  it('reports a handler setting that names no export as the runtime does', async () => {
    await expect(compute.invoke('misnamed', {})).resolves.toMatchObject({
      ok: false,
      error: {
        errorType: 'Runtime.HandlerNotFound',
        errorMessage: 'index.missing is undefined or not exported',
      },
    });
    expect(compute.status().misnamed?.workers).toBe(0);
  });

  it("writes each function's output and invocations to its log", async () => {
    await compute.invoke('beta', {});
    const log = readFileSync(logFileOf(workspace.stateDir, 'beta'), 'utf8');
    expect(log).toMatch(
      /START RequestId: \S+ Version: \$LATEST\nreporting for beta\nEND RequestId: \S+\nREPORT/,
    );
    expect(readFileSync(logFileOf(workspace.stateDir, 'stuck'), 'utf8')).toMatch(
      /ERROR\tInvoke Error \t.*Sandbox.Timedout/,
    );
  });
});
