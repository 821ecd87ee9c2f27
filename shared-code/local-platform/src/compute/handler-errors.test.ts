import { appendFile, mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { handlerErrorsFile, lastHandlerErrors, recordHandlerError } from './handler-errors.ts';
import { type TestWorkspace, testWorkspace } from './test-functions.ts';

let workspace: TestWorkspace;
beforeAll(async () => {
  workspace = await testWorkspace();
  await mkdir(workspace.stateDir, { recursive: true });
});
afterAll(() => workspace.remove());

const entry = (n: number) => ({
  function: 'parser',
  errorType: 'TypeError',
  errorMessage: `failure ${n}`,
  trigger: 'sqs arn:aws:sqs:eu-west-2:123456789012:results',
});

describe('the handler errors file', () => {
  it('has none before anything failed', async () => {
    await expect(lastHandlerErrors(workspace.stateDir, 5)).resolves.toEqual([]);
  });

  it('gives the last errors, oldest first, passing over a line cut short', async () => {
    for (const n of [1, 2, 3]) {
      await recordHandlerError(workspace.stateDir, entry(n), new Date(Date.UTC(2025, 0, n)));
    }
    await appendFile(handlerErrorsFile(workspace.stateDir), '{"time":"2025-01-04T00:00:00.000Z","func');
    expect(await lastHandlerErrors(workspace.stateDir, 2)).toEqual([
      { time: '2025-01-02T00:00:00.000Z', ...entry(2) },
      { time: '2025-01-03T00:00:00.000Z', ...entry(3) },
    ]);
    expect(await lastHandlerErrors(workspace.stateDir, 0)).toEqual([]);
  });
});
