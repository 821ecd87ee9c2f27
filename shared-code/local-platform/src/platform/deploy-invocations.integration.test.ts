import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { useCleanBackends } from '@sec-an/testing/backends';
import { type ComputeHandle, startCompute } from '../compute/index.ts';
import {
  deploymentOf,
  receivedEvents,
  recordingHandler,
  type TestWorkspace,
  testEnvironment,
  testFunction,
  testWorkspace,
  writeFunctionPackage,
} from '../compute/test-functions.ts';
import type { DeployedInvocation } from '../deployment/index.ts';
import { DeployInvocationError, runDeployInvocations } from './deploy-invocations.ts';

const invocation = (functionName: string, input: unknown): DeployedInvocation => ({
  address: `invocations-test/stack/aws_lambda_invocation.${functionName}`,
  project: 'invocations-test',
  functionName,
  input: JSON.stringify(input),
});

describe('deploy-time invocations through the compute step', () => {
  useCleanBackends();
  let workspace: TestWorkspace;
  let compute: ComputeHandle;
  let receivedFile: string;

  beforeAll(async () => {
    workspace = await testWorkspace();
    receivedFile = join(workspace.dir, 'received.jsonl');
    const environment = { RECEIVED_FILE: receivedFile };
    const provisioner = await writeFunctionPackage(
      workspace,
      'provisioner',
      recordingHandler('return { provisioned: event.templates.length };'),
    );
    const refuser = await writeFunctionPackage(
      workspace,
      'refuser',
      recordingHandler("throw new TypeError('mapper [port] cannot be changed');"),
    );
    compute = await startCompute(
      deploymentOf({
        functions: [
          testFunction('provisioner', provisioner, { environment }),
          testFunction('refuser', refuser, { environment }),
        ],
      }),
      { stateDir: workspace.stateDir, environment: testEnvironment() },
    );
  });

  afterAll(async () => {
    await compute.stop();
    await workspace.remove();
  });

  it('runs each once, in order, with its input as the event, and keeps what each returned', async () => {
    const runs = await runDeployInvocations(compute, [
      invocation('provisioner', { templates: ['a', 'b'] }),
      invocation('provisioner', { templates: ['c'] }),
    ]);

    expect(runs.map(({ address, functionName, result }) => ({ address, functionName, result }))).toEqual([
      {
        address: 'invocations-test/stack/aws_lambda_invocation.provisioner',
        functionName: 'provisioner',
        result: { provisioned: 2 },
      },
      {
        address: 'invocations-test/stack/aws_lambda_invocation.provisioner',
        functionName: 'provisioner',
        result: { provisioned: 1 },
      },
    ]);
    expect(receivedEvents(receivedFile)).toEqual([{ templates: ['a', 'b'] }, { templates: ['c'] }]);
  });

  it("fails with the function's error at the first that fails, and runs none after it", async () => {
    const before = receivedEvents(receivedFile).length;
    const attempt = runDeployInvocations(compute, [
      invocation('refuser', { templates: [] }),
      invocation('provisioner', { templates: ['never'] }),
    ]);

    await expect(attempt).rejects.toThrow(DeployInvocationError);
    await expect(attempt).rejects.toThrow(
      'invocations-test/stack/aws_lambda_invocation.refuser: refuser failed: TypeError: mapper [port] cannot be changed',
    );
    expect(receivedEvents(receivedFile).slice(before)).toEqual([{ templates: [] }]);
  });
});
