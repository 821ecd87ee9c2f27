import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import {
  GetQueueAttributesCommand,
  ListQueueTagsCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic/index.js';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription/index.js';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy/index.js';
import { describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { useCleanBackends } from '@sec-an/testing/backends';
import { provision } from './provision.ts';
import { synthesizeStack } from './synthesized-stacks.ts';

useCleanBackends();

const sqs = () => awsClient(SQSClient);

const queueAttributes = async (queueUrl: string) =>
  (await sqs().send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] })))
    .Attributes ?? {};

const receiveAll = async (queueUrl: string) =>
  (
    await sqs().send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    )
  ).Messages ?? [];

describe('provisioning queues and topics', () => {
  it('creates a queue with its dead-letter queue, redrive policy, timings, encryption and merged tags', async () => {
    const stack = synthesizeStack('queues', (scope) => {
      const dlq = new SqsQueue(scope, 'dlq', {
        name: scope.physicalName('work-dlq'),
        messageRetentionSeconds: 1_209_600,
        sqsManagedSseEnabled: true,
      });
      new SqsQueue(scope, 'work', {
        name: scope.physicalName('work'),
        visibilityTimeoutSeconds: 180,
        delaySeconds: 2,
        messageRetentionSeconds: 345_600,
        receiveWaitTimeSeconds: 5,
        sqsManagedSseEnabled: true,
        redrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 4 }),
        tags: { role: 'input' },
      });
    });

    const { deployment, resources } = await provision([stack]);

    const work = resources['queues/main/aws_sqs_queue.work']?.attributes;
    const dlq = resources['queues/main/aws_sqs_queue.dlq']?.attributes;
    const workUrl = String(work?.url);
    expect(await queueAttributes(workUrl)).toMatchObject({
      QueueArn: 'arn:aws:sqs:eu-west-2:123456789012:sec-an-test-queues-work',
      VisibilityTimeout: '180',
      DelaySeconds: '2',
      MessageRetentionPeriod: '345600',
      ReceiveMessageWaitTimeSeconds: '5',
      SqsManagedSseEnabled: 'true',
    });
    expect(JSON.parse((await queueAttributes(workUrl)).RedrivePolicy ?? '{}')).toEqual({
      deadLetterTargetArn: dlq?.arn,
      maxReceiveCount: 4,
    });
    expect((await sqs().send(new ListQueueTagsCommand({ QueueUrl: workUrl }))).Tags).toEqual({
      app: 'sec-an',
      stage: 'test',
      project: 'queues',
      role: 'input',
    });
    expect(deployment.queues).toContainEqual({
      address: 'queues/main/aws_sqs_queue.work',
      project: 'queues',
      queueName: 'sec-an-test-queues-work',
      queueUrl: workUrl,
      queueArn: work?.arn,
      deadLetterQueueArn: dlq?.arn,
      maxReceiveCount: 4,
    });
    expect(deployment.unapplied).toEqual([]);
  });

  it('converges a queue that exists already on the attributes of the stack', async () => {
    const withTimeout = (visibilityTimeoutSeconds: number) =>
      synthesizeStack('converging', (scope) => {
        new SqsQueue(scope, 'work', { name: scope.physicalName('work'), visibilityTimeoutSeconds });
      });
    await provision([withTimeout(30)]);

    const { resources } = await provision([withTimeout(90)]);

    const url = String(resources['converging/main/aws_sqs_queue.work']?.attributes.url);
    expect((await queueAttributes(url)).VisibilityTimeout).toBe('90');
  });

  it("subscribes a queue with a filter policy: a matching message arrives, moto's filtering drops the other", async () => {
    const stack = synthesizeStack('topics', (scope) => {
      const topic = new SnsTopic(scope, 'results', { name: scope.physicalName('results') });
      const queue = new SqsQueue(scope, 'tls-input', { name: scope.physicalName('tls-input') });
      new SqsQueuePolicy(scope, 'tls-input-policy', {
        queueUrl: queue.url,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'sns.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Resource: queue.arn,
              Condition: { ArnEquals: { 'aws:SourceArn': topic.arn } },
            },
          ],
        }),
      });
      new SnsTopicSubscription(scope, 'tls-ports', {
        topicArn: topic.arn,
        protocol: 'sqs',
        endpoint: queue.arn,
        rawMessageDelivery: true,
        filterPolicyScope: 'MessageAttributes',
        filterPolicy: JSON.stringify({ tls: ['true'] }),
      });
    });

    const { resources } = await provision([stack]);

    const topicArn = String(resources['topics/main/aws_sns_topic.results']?.attributes.arn);
    const queueUrl = String(resources['topics/main/aws_sqs_queue.tls-input']?.attributes.url);
    const publish = (body: string, tls: string) =>
      awsClient(SNSClient).send(
        new PublishCommand({
          TopicArn: topicArn,
          Message: body,
          MessageAttributes: { tls: { DataType: 'String', StringValue: tls } },
        }),
      );
    await publish('port 443', 'true');
    await publish('port 22', 'false');

    const received = await receiveAll(queueUrl);
    expect(received.map((message) => message.Body)).toEqual(['port 443']);
    expect(JSON.parse((await queueAttributes(queueUrl)).Policy ?? '{}').Statement[0].Condition).toEqual({
      ArnEquals: { 'aws:SourceArn': topicArn },
    });
  });
});
