import { join } from 'node:path';
import { CreateTopicCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { useCleanBackends } from '@sec-an/testing/backends';
import { type ComputeHandle, startCompute } from './compute.ts';
import { internalQueueName } from './internal-queue.ts';
import type { SnsLambdaEvent } from './sns-event.ts';
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

const subscriptionAddress = 'compute-test/stack/aws_sns_topic_subscription.tls';

describe('an SNS subscription of a function', () => {
  useCleanBackends();
  let workspace: TestWorkspace;
  let compute: ComputeHandle;
  let topicArn: string;
  let receivedFile: string;

  beforeAll(async () => {
    workspace = await testWorkspace();
    receivedFile = join(workspace.dir, 'received.jsonl');
    ({ TopicArn: topicArn = '' } = await awsClient(SNSClient).send(
      new CreateTopicCommand({ Name: 'open-ports' }),
    ));
    compute = await startCompute(
      deploymentOf({
        functions: [
          testFunction('tls-scanner', await writeFunctionPackage(workspace, 'tls', recordingHandler('')), {
            environment: { RECEIVED_FILE: receivedFile },
          }),
        ],
        topicSubscriptions: [
          {
            address: subscriptionAddress,
            functionName: 'tls-scanner',
            topicArn,
            filterPolicy: JSON.stringify({ service: ['tls'] }),
            filterPolicyScope: 'MessageAttributes',
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

  const publish = (message: string, service: string, subject?: string) =>
    awsClient(SNSClient).send(
      new PublishCommand({
        TopicArn: topicArn,
        Message: message,
        ...(subject === undefined ? {} : { Subject: subject }),
        MessageAttributes: { service: { DataType: 'String', StringValue: service } },
      }),
    );

  it('invokes the function with a matching message only, as SNS would', async () => {
    await publish('{"port":22}', 'ssh');
    const { MessageId } = await publish('{"port":443}', 'tls', 'open port');

    const [event] = await eventually('the matching message', () => {
      const events = receivedEvents<SnsLambdaEvent>(receivedFile);
      return events.length > 0 ? events : undefined;
    });
    expect(event?.Records).toHaveLength(1);
    const [record] = event?.Records ?? [];
    expect(record).toMatchObject({
      EventVersion: '1.0',
      EventSource: 'aws:sns',
      EventSubscriptionArn: expect.stringMatching(new RegExp(`^${topicArn}:`)),
      Sns: {
        Type: 'Notification',
        MessageId,
        TopicArn: topicArn,
        Subject: 'open port',
        Message: '{"port":443}',
        MessageAttributes: { service: { Type: 'String', Value: 'tls' } },
      },
    });
    expect(Date.parse(record?.Sns.Timestamp ?? '')).not.toBeNaN();

    // moto filtered the other message out on publish: it never reached the internal queue at all.
    const sqs = awsClient(SQSClient);
    const { QueueUrl } = await sqs.send(
      new GetQueueUrlCommand({ QueueName: internalQueueName('sns', 'tls-scanner', subscriptionAddress) }),
    );
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    expect([
      Attributes.ApproximateNumberOfMessages,
      Attributes.ApproximateNumberOfMessagesNotVisible,
    ]).toEqual(['0', '0']);
    expect(receivedEvents(receivedFile)).toHaveLength(1);
  });
});
