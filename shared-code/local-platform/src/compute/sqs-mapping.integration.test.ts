import { join } from 'node:path';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { useCleanBackends } from '@sec-an/testing/backends';
import type { SQSEvent } from 'aws-lambda';
import { type ComputeHandle, startCompute } from './compute.ts';
import { lastHandlerErrors } from './handler-errors.ts';
import {
  deploymentOf,
  eventually,
  receivedEvents,
  recordingHandler,
  type TestWorkspace,
  testEnvironment,
  testFunction,
  testWorkspace,
  writeFunctionPackage,
} from './test-functions.ts';

const sqs = () => awsClient(SQSClient);

const arnOf = async (queueUrl: string): Promise<string> => {
  const { Attributes } = await sqs().send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  return Attributes?.QueueArn ?? '';
};

/** Fails the records whose body is `bad`, as the standard SQS handler reports partial failures. */
const failsBadRecords = recordingHandler(`
  return {
    batchItemFailures: event.Records.filter((record) => record.body === 'bad').map((record) => ({
      itemIdentifier: record.messageId,
    })),
  };
`);

describe('an SQS event source mapping run by the platform', () => {
  useCleanBackends();
  let workspace: TestWorkspace;
  let compute: ComputeHandle;
  let queueUrl: string;
  let dlqUrl: string;
  let receivedFile: string;

  beforeAll(async () => {
    workspace = await testWorkspace();
    receivedFile = join(workspace.dir, 'received.jsonl');
    ({ QueueUrl: dlqUrl = '' } = await sqs().send(new CreateQueueCommand({ QueueName: 'mapped-dlq' })));
    ({ QueueUrl: queueUrl = '' } = await sqs().send(
      new CreateQueueCommand({
        QueueName: 'mapped',
        Attributes: {
          VisibilityTimeout: '1',
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: await arnOf(dlqUrl), maxReceiveCount: 2 }),
        },
      }),
    ));
    for (const body of ['good-1', 'bad', 'good-2']) {
      await sqs().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
    }
    compute = await startCompute(
      deploymentOf({
        functions: [
          testFunction('consumer', await writeFunctionPackage(workspace, 'consumer', failsBadRecords), {
            environment: { RECEIVED_FILE: receivedFile },
          }),
        ],
        eventSourceMappings: [
          {
            address: 'compute-test/stack/aws_lambda_event_source_mapping.consumer',
            functionName: 'consumer',
            queueArn: await arnOf(queueUrl),
            queueUrl,
            batchSize: 10,
            maximumBatchingWindowSeconds: 1,
            reportBatchItemFailures: true,
            maximumConcurrency: 2,
            enabled: true,
          },
        ],
      }),
      { stateDir: workspace.stateDir, environment: testEnvironment() },
    );
  });

  afterAll(async () => {
    await compute.stop();
    await workspace.remove();
  });

  it('redelivers only the failed record, until the redrive policy moves it to the DLQ', async () => {
    const { Messages: dead = [] } = await eventually('the failed record in the DLQ', async () => {
      const received = await sqs().send(
        new ReceiveMessageCommand({
          QueueUrl: dlqUrl,
          WaitTimeSeconds: 1,
          MessageSystemAttributeNames: ['All'],
        }),
      );
      return (received.Messages ?? []).length > 0 ? received : undefined;
    });
    expect(dead.map(({ Body }) => Body)).toEqual(['bad']);

    const deliveries = receivedEvents<SQSEvent>(receivedFile).flatMap(({ Records }) =>
      Records.map(({ body, attributes, eventSource }) => ({
        body,
        receiveCount: attributes.ApproximateReceiveCount,
        eventSource,
      })),
    );
    expect(
      deliveries.filter(({ body }) => body !== 'bad').sort((a, b) => a.body.localeCompare(b.body)),
    ).toEqual([
      { body: 'good-1', receiveCount: '1', eventSource: 'aws:sqs' },
      { body: 'good-2', receiveCount: '1', eventSource: 'aws:sqs' },
    ]);
    expect(deliveries.filter(({ body }) => body === 'bad').map(({ receiveCount }) => receiveCount)).toEqual([
      '1',
      '2',
    ]);

    const { Attributes = {} } = await sqs().send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    expect([
      Attributes.ApproximateNumberOfMessages,
      Attributes.ApproximateNumberOfMessagesNotVisible,
    ]).toEqual(['0', '0']);
    expect(compute.status().consumer).toMatchObject({ errors: 0, failedRecords: 2 });
    expect(await lastHandlerErrors(workspace.stateDir, 10)).toContainEqual(
      expect.objectContaining({
        function: 'consumer',
        errorType: 'BatchItemFailures',
        trigger: expect.stringMatching(/^sqs arn:aws:sqs:.*:mapped$/),
      }),
    );
  });
});
