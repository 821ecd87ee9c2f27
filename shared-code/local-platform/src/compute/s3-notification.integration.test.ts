import { join } from 'node:path';
import {
  CreateBucketCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { useCleanBackends } from '@sec-an/testing/backends';
import type { S3Event } from 'aws-lambda';
import { type ComputeHandle, startCompute } from './compute.ts';
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

const bucket = 'raw-scan-results';
const s3 = () => awsClient(S3Client);
const sqs = () => awsClient(SQSClient);

describe('an S3 notification of a function', () => {
  useCleanBackends();
  let workspace: TestWorkspace;
  let compute: ComputeHandle;
  let receivedFile: string;
  let archiveQueueUrl: string;

  beforeAll(async () => {
    workspace = await testWorkspace();
    receivedFile = join(workspace.dir, 'received.jsonl');
    await s3().send(new CreateBucketCommand({ Bucket: bucket }));
    // A target of the bucket's own, which the platform's notification must not displace.
    ({ QueueUrl: archiveQueueUrl = '' } = await sqs().send(
      new CreateQueueCommand({ QueueName: 'archive-events' }),
    ));
    const { Attributes } = await sqs().send(
      new GetQueueAttributesCommand({ QueueUrl: archiveQueueUrl, AttributeNames: ['QueueArn'] }),
    );
    await s3().send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: bucket,
        NotificationConfiguration: {
          QueueConfigurations: [
            { Id: 'archive', QueueArn: Attributes?.QueueArn, Events: ['s3:ObjectCreated:*'] },
          ],
        },
      }),
    );
    compute = await startCompute(
      deploymentOf({
        functions: [
          testFunction('parser', await writeFunctionPackage(workspace, 'parser', recordingHandler('')), {
            environment: { RECEIVED_FILE: receivedFile },
          }),
        ],
        bucketNotifications: [
          {
            address: 'compute-test/stack/aws_s3_bucket_notification.raw',
            bucketName: bucket,
            functionName: 'parser',
            events: ['s3:ObjectCreated:*'],
            filterPrefix: 'nmap/',
            filterSuffix: '.xml',
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

  const put = (key: string) =>
    s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: '<nmaprun/>' }));

  it('invokes the function for an object that passes the key filter, with the S3 event', async () => {
    await put('nmap/readme.txt');
    await put('tls/scan.xml');
    await put('nmap/scan 1.xml');

    const [event] = await eventually('the S3 event', () => {
      const events = receivedEvents<S3Event>(receivedFile);
      return events.length > 0 ? events : undefined;
    });
    expect(event?.Records).toHaveLength(1);
    expect(event?.Records[0]).toMatchObject({
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      awsRegion: testEnvironment().AWS_REGION,
      userIdentity: { principalId: expect.any(String) },
      s3: {
        s3SchemaVersion: '1.0',
        bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
        object: {
          key: 'nmap/scan+1.xml',
          size: '<nmaprun/>'.length,
          eTag: expect.any(String),
          sequencer: expect.any(String),
        },
      },
    });
  });

  it("leaves the bucket's other targets in place", async () => {
    const keys = await eventually('the events of the archive queue', async () => {
      const { Messages = [] } = await sqs().send(
        new ReceiveMessageCommand({ QueueUrl: archiveQueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
      );
      const keys = Messages.flatMap(({ Body }) =>
        ((JSON.parse(Body ?? '{}') as Partial<S3Event>).Records ?? []).map(({ s3: { object } }) =>
          decodeURIComponent(object.key.replace(/\+/g, ' ')),
        ),
      );
      return keys.length > 0 ? keys : undefined;
    });
    expect(keys).toContain('nmap/readme.txt');
    expect(receivedEvents(receivedFile)).toHaveLength(1);
  });
});
