import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { useCleanBackends } from '@sec-an/testing/backends';
import { type ComputeHandle, startCompute } from './compute.ts';
import type { DestinationRecord } from './destination-record.ts';
import { logFileOf } from './function-runtime.ts';
import { lastHandlerErrors } from './handler-errors.ts';
import {
  deploymentOf,
  eventually,
  functionArnOf,
  receivedEvents,
  recordingHandler,
  type TestWorkspace,
  testEnvironment,
  testFunction,
  testWorkspace,
  writeFunctionPackage,
} from './test-functions.ts';

const sqs = () => awsClient(SQSClient);

const createQueue = async (name: string) => {
  const { QueueUrl = '' } = await sqs().send(new CreateQueueCommand({ QueueName: name }));
  const { Attributes } = await sqs().send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  return { queueUrl: QueueUrl, queueArn: Attributes?.QueueArn ?? '' };
};

const nextRecord = (queueUrl: string, what: string) =>
  eventually(what, async () => {
    const { Messages = [] } = await sqs().send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1 }),
    );
    return Messages[0] === undefined ? undefined : (JSON.parse(Messages[0].Body ?? '') as DestinationRecord);
  });

const invokeConfig = (functionName: string, destinations: { onFailure?: string; onSuccess?: string }) => ({
  address: `compute-test/stack/aws_lambda_function_event_invoke_config.${functionName}`,
  functionName,
  maximumRetryAttempts: 1,
  maximumEventAgeSeconds: 3600,
  ...(destinations.onFailure === undefined ? {} : { onFailureDestinationArn: destinations.onFailure }),
  ...(destinations.onSuccess === undefined ? {} : { onSuccessDestinationArn: destinations.onSuccess }),
});

describe('asynchronous invocations', () => {
  useCleanBackends();
  let workspace: TestWorkspace;
  let compute: ComputeHandle;
  let failures: { queueUrl: string; queueArn: string };
  let successes: { queueUrl: string; queueArn: string };
  const received = (name: string) => join(workspace.dir, `${name}.jsonl`);

  beforeAll(async () => {
    workspace = await testWorkspace();
    failures = await createQueue('async-failures');
    successes = await createQueue('async-successes');
    const failing = await writeFunctionPackage(
      workspace,
      'failing',
      recordingHandler(`throw new RangeError('port ' + event.port + ' is out of range');`),
    );
    const succeeding = await writeFunctionPackage(
      workspace,
      'succeeding',
      recordingHandler('return { planned: 3 };'),
    );
    compute = await startCompute(
      deploymentOf({
        functions: [
          testFunction('failing', failing, { environment: { RECEIVED_FILE: received('failing') } }),
          testFunction('succeeding', succeeding, { environment: { RECEIVED_FILE: received('succeeding') } }),
          testFunction('undestined', failing, { environment: { RECEIVED_FILE: received('undestined') } }),
        ],
        asyncInvokeConfigs: [
          invokeConfig('failing', { onFailure: failures.queueArn }),
          invokeConfig('succeeding', { onSuccess: successes.queueArn }),
          invokeConfig('undestined', {}),
        ],
      }),
      { stateDir: workspace.stateDir, environment: testEnvironment(), asyncRetryBaseDelayMs: 50 },
    );
  });

  afterAll(async () => {
    await compute.stop();
    await workspace.remove();
  });

  it('retries a failing event, then sends it to the on-failure destination', async () => {
    const requestId = compute.invokeAsync('failing', { port: 70000 });
    const record = await nextRecord(failures.queueUrl, 'the failure record');
    expect(record).toMatchObject({
      version: '1.0',
      requestContext: {
        requestId,
        functionArn: `${functionArnOf('failing')}:$LATEST`,
        condition: 'RetriesExhausted',
        approximateInvokeCount: 2,
      },
      requestPayload: { port: 70000 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'RangeError', errorMessage: 'port 70000 is out of range' },
    });
    expect(Date.parse(record.timestamp)).not.toBeNaN();
    expect(receivedEvents(received('failing'))).toEqual([{ port: 70000 }, { port: 70000 }]);
    expect(compute.status().failing).toMatchObject({ invocations: 2, errors: 2 });
    await eventually('the event done with', () =>
      compute.status().failing?.pendingEvents === 0 ? true : undefined,
    );
  });

  it('sends the result of a successful event to the on-success destination', async () => {
    const requestId = compute.invokeAsync('succeeding', { day: 1 });
    await expect(nextRecord(successes.queueUrl, 'the success record')).resolves.toMatchObject({
      requestContext: { requestId, condition: 'Success', approximateInvokeCount: 1 },
      requestPayload: { day: 1 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST' },
      responsePayload: { planned: 3 },
    });
  });

  it('without a destination, keeps the discarded event in the log and says so in handler-errors', async () => {
    const requestId = compute.invokeAsync('undestined', { port: 99999 });
    const discarded = await eventually('the discarded event', async () =>
      (await lastHandlerErrors(workspace.stateDir, 20)).find(
        ({ errorType }) => errorType === 'AsyncEventDiscarded',
      ),
    );
    expect(discarded).toMatchObject({ function: 'undestined', trigger: 'direct' });
    expect(discarded.errorMessage).toContain(requestId);
    expect(discarded.errorMessage).toContain('RetriesExhausted after 2 attempt(s)');
    expect(readFileSync(logFileOf(workspace.stateDir, 'undestined'), 'utf8')).toContain(
      `event ${requestId} not delivered (RetriesExhausted after 2 attempt(s), and the function has no on-failure destination): {"port":99999}`,
    );
  });
});
