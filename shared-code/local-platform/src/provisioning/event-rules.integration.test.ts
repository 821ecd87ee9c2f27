import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule/index.js';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target/index.js';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { S3BucketNotification } from '@cdktf/provider-aws/lib/s3-bucket-notification/index.js';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { useCleanBackends } from '@sec-an/testing/backends';
import type { Deployment } from '../deployment/index.ts';
import { type AppliedResource, provision } from './index.ts';
import { synthesizeStack } from './synthesized-stacks.ts';

useCleanBackends();

const bucketName = 'sec-an-test-events-archive';
const s3 = () => awsClient(S3Client);
const sqs = () => awsClient(SQSClient);

const objectCreatedUnder = (prefix: string) =>
  JSON.stringify({
    source: ['aws.s3'],
    'detail-type': ['Object Created'],
    detail: { bucket: { name: [bucketName] }, object: { key: [{ prefix }] } },
  });

/** A bucket on EventBridge, and rules on its object events with a queue, a disabled and a function target. */
const eventStack = () =>
  synthesizeStack('events', (stack) => {
    const bucket = new S3Bucket(stack, 'archive', { bucket: bucketName });
    new S3BucketNotification(stack, 'archive-notifications', { bucket: bucket.id, eventbridge: true });
    const reports = new SqsQueue(stack, 'reports', { name: stack.physicalName('reports') });
    const created = new CloudwatchEventRule(stack, 'letters-created', {
      name: stack.physicalName('letters-created'),
      eventPattern: objectCreatedUnder('letters/'),
    });
    new CloudwatchEventTarget(stack, 'letters-to-reports', {
      rule: created.name,
      targetId: 'reports',
      arn: reports.arn,
    });
    const disabled = new CloudwatchEventRule(stack, 'drafts-created', {
      name: stack.physicalName('drafts-created'),
      eventPattern: objectCreatedUnder('drafts/'),
      state: 'DISABLED',
    });
    new CloudwatchEventTarget(stack, 'drafts-to-reports', { rule: disabled.name, arn: reports.arn });
    new CloudwatchEventTarget(stack, 'letters-to-function', {
      rule: created.name,
      arn: 'arn:aws:lambda:eu-west-2:123456789012:function:sec-an-test-events-reader',
    });
  });

const receiveAll = async (queueUrl: string): Promise<unknown[]> => {
  const { Messages = [] } = await sqs().send(
    new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
  );
  return Messages.map(({ Body }) => JSON.parse(Body ?? 'null'));
};

describe('provisioning EventBridge rules on event patterns', () => {
  let deployment: Deployment;
  let resources: Record<string, AppliedResource>;

  beforeAll(async () => {
    ({ deployment, resources } = await provision([eventStack()]));
  });

  it('delivers the object events a rule matches to its queue target, and no others', async () => {
    const queueUrl = String(resources['events/main/aws_sqs_queue.reports']?.attributes.url);
    for (const key of ['letters/2026/a.json', 'drafts/b.json', 'other/c.json']) {
      await s3().send(new PutObjectCommand({ Bucket: bucketName, Key: key, Body: '{}' }));
    }

    const events = await receiveAll(queueUrl);

    expect(events).toEqual([
      expect.objectContaining({
        source: 'aws.s3',
        'detail-type': 'Object Created',
        detail: expect.objectContaining({
          bucket: { name: bucketName },
          object: expect.objectContaining({ key: 'letters/2026/a.json', size: 2 }),
        }),
      }),
    ]);
    expect(resources['events/main/aws_cloudwatch_event_rule.letters-created']?.attributes.arn).toBe(
      'arn:aws:events:eu-west-2:123456789012:rule/sec-an-test-events-letters-created',
    );
  });

  it("lists a disabled rule's targets and function targets as not applied", () => {
    expect(deployment.unapplied).toEqual([
      {
        address: 'events/main/aws_cloudwatch_event_target.drafts-to-reports',
        type: 'aws_cloudwatch_event_target',
        reason: 'rule sec-an-test-events-drafts-created is disabled',
      },
      {
        address: 'events/main/aws_cloudwatch_event_target.letters-to-function',
        type: 'aws_cloudwatch_event_target',
        reason:
          'target arn:aws:lambda:eu-west-2:123456789012:function:sec-an-test-events-reader is not a queue',
      },
    ]);
    expect(deployment.schedules).toEqual([]);
  });
});
