import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { DescribeClustersCommand, DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import {
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketNotificationConfigurationCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule/index.js';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table/index.js';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster/index.js';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition/index.js';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key/index.js';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket/index.js';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js';
import { S3BucketNotification } from '@cdktf/provider-aws/lib/s3-bucket-notification/index.js';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls/index.js';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy/index.js';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block/index.js';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning/index.js';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { useCleanBackends } from '@sec-an/testing/backends';
import { provision } from './provision.ts';
import { synthesizeStack } from './synthesized-stacks.ts';
import { writeProvisionResult } from './write-results.ts';

useCleanBackends();

const s3 = () => awsClient(S3Client);
const bucketName = 'sec-an-test-storage-raw';
const functionArn = 'arn:aws:lambda:eu-west-2:123456789012:function:sec-an-test-storage-parser';

const storageStack = () =>
  synthesizeStack('storage', (stack) => {
    const key = new KmsKey(stack, 'key', { description: 'raw results', enableKeyRotation: true });
    const bucket = new S3Bucket(stack, 'raw', { bucket: bucketName, tags: { data: 'raw' } });
    new S3BucketVersioningA(stack, 'raw-versioning', {
      bucket: bucket.id,
      versioningConfiguration: { status: 'Enabled' },
    });
    new S3BucketServerSideEncryptionConfigurationA(stack, 'raw-encryption', {
      bucket: bucket.id,
      rule: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.arn },
          bucketKeyEnabled: true,
        },
      ],
    });
    new S3BucketPublicAccessBlock(stack, 'raw-public-access', {
      bucket: bucket.id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(stack, 'raw-ownership', {
      bucket: bucket.id,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });
    new S3BucketPolicy(stack, 'raw-policy', {
      bucket: bucket.id,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'TlsOnly',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [bucket.arn, `${bucket.arn}/*`],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
          {
            Sid: 'LogDelivery',
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: `${bucket.arn}/*`,
          },
        ],
      }),
    });
    new S3BucketLifecycleConfiguration(stack, 'raw-lifecycle', {
      bucket: bucket.id,
      rule: [
        {
          id: 'expire-old-versions',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          noncurrentVersionExpiration: [{ noncurrentDays: 30 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 1 }],
        },
      ],
    });
    const uploads = new SqsQueue(stack, 'uploads', { name: 'sec-an-test-storage-uploads' });
    new S3BucketNotification(stack, 'raw-notifications', {
      bucket: bucket.id,
      queue: [{ queueArn: uploads.arn, events: ['s3:ObjectCreated:*'], filterPrefix: 'nmap/' }],
      lambdaFunction: [
        { lambdaFunctionArn: functionArn, events: ['s3:ObjectCreated:*'], filterSuffix: '.xml' },
      ],
    });
    new DynamodbTable(stack, 'hosts', {
      name: 'sec-an-test-storage-hosts',
      billingMode: 'PAY_PER_REQUEST',
      hashKey: 'host',
      rangeKey: 'seen',
      attribute: [
        { name: 'host', type: 'S' },
        { name: 'seen', type: 'N' },
        { name: 'address', type: 'S' },
      ],
      globalSecondaryIndex: [{ name: 'by-address', hashKey: 'address', projectionType: 'KEYS_ONLY' }],
      ttl: { attributeName: 'expires', enabled: true },
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true, kmsKeyArn: key.arn },
      streamEnabled: true,
      streamViewType: 'NEW_AND_OLD_IMAGES',
    });
    const cluster = new EcsCluster(stack, 'scanners', {
      name: 'sec-an-test-storage-scanners',
      setting: [{ name: 'containerInsights', value: 'enabled' }],
    });
    new EcsTaskDefinition(stack, 'nmap', {
      family: 'sec-an-test-storage-nmap',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '512',
      memory: '1024',
      runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' },
      containerDefinitions: JSON.stringify([
        {
          name: 'nmap',
          image: 'nmap:latest',
          command: ['nmap', '-oX', '-'],
          environment: [{ name: 'CLUSTER', value: cluster.arn }],
          essential: true,
        },
      ]),
    });
    new CloudwatchEventRule(stack, 'object-created', {
      name: 'sec-an-test-storage-object-created',
      eventPattern: JSON.stringify({ source: ['aws.s3'] }),
    });
  });

describe('provisioning buckets, tables and task definitions', () => {
  it('applies a bucket with its settings and notifications, recording the function target', async () => {
    const { deployment, resources } = await provision([storageStack()]);

    const keyArn = resources['storage/main/aws_kms_key.key']?.attributes.arn;
    expect(keyArn).toMatch(/^arn:aws:kms:eu-west-2:123456789012:key\/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect((await s3().send(new GetBucketVersioningCommand({ Bucket: bucketName }))).Status).toBe('Enabled');
    const encryption = await s3().send(new GetBucketEncryptionCommand({ Bucket: bucketName }));
    expect(
      encryption.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault,
    ).toEqual({
      SSEAlgorithm: 'aws:kms',
      KMSMasterKeyID: keyArn,
    });
    expect(
      (await s3().send(new GetPublicAccessBlockCommand({ Bucket: bucketName })))
        .PublicAccessBlockConfiguration,
    ).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    const ownership = await s3().send(new GetBucketOwnershipControlsCommand({ Bucket: bucketName }));
    expect(ownership.OwnershipControls?.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    const policy = JSON.parse(
      (await s3().send(new GetBucketPolicyCommand({ Bucket: bucketName }))).Policy ?? '{}',
    );
    // The TLS-only statement is left out on the plain-HTTP loopback endpoint; the rest applies as written.
    expect(policy.Statement).toEqual([
      expect.objectContaining({ Sid: 'LogDelivery', Resource: `arn:aws:s3:::${bucketName}/*` }),
    ]);
    const lifecycle = await s3().send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucketName }));
    expect(lifecycle.Rules?.[0]).toMatchObject({
      ID: 'expire-old-versions',
      Status: 'Enabled',
      NoncurrentVersionExpiration: { NoncurrentDays: 30 },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
    });
    expect((await s3().send(new GetBucketTaggingCommand({ Bucket: bucketName }))).TagSet).toEqual(
      expect.arrayContaining([
        { Key: 'data', Value: 'raw' },
        { Key: 'project', Value: 'storage' },
      ]),
    );
    const notifications = await s3().send(
      new GetBucketNotificationConfigurationCommand({ Bucket: bucketName }),
    );
    expect(notifications.QueueConfigurations).toEqual([
      expect.objectContaining({
        QueueArn: 'arn:aws:sqs:eu-west-2:123456789012:sec-an-test-storage-uploads',
        Events: ['s3:ObjectCreated:*'],
        Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'nmap/' }] } },
      }),
    ]);
    expect(notifications.LambdaFunctionConfigurations ?? []).toEqual([]);
    expect(deployment.bucketNotifications).toEqual([
      {
        address: 'storage/main/aws_s3_bucket_notification.raw-notifications',
        bucketName,
        functionName: 'sec-an-test-storage-parser',
        events: ['s3:ObjectCreated:*'],
        filterSuffix: '.xml',
      },
    ]);
  });

  it('applies a table with its key schema, index, time to live, recovery and stream', async () => {
    await provision([storageStack()]);

    const dynamodb = awsClient(DynamoDBClient);
    const { Table } = await dynamodb.send(
      new DescribeTableCommand({ TableName: 'sec-an-test-storage-hosts' }),
    );
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'host', KeyType: 'HASH' },
      { AttributeName: 'seen', KeyType: 'RANGE' },
    ]);
    expect(Table?.GlobalSecondaryIndexes?.[0]?.IndexName).toBe('by-address');
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    const ttl = await dynamodb.send(
      new DescribeTimeToLiveCommand({ TableName: 'sec-an-test-storage-hosts' }),
    );
    expect(ttl.TimeToLiveDescription).toEqual({ AttributeName: 'expires', TimeToLiveStatus: 'ENABLED' });
    const backups = await dynamodb.send(
      new DescribeContinuousBackupsCommand({ TableName: 'sec-an-test-storage-hosts' }),
    );
    expect(
      backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus,
    ).toBe('ENABLED');
  });

  it('registers the cluster and the task definition with its command, and lists what it did not apply', async () => {
    const { deployment, resources } = await provision([storageStack()]);

    const ecs = awsClient(ECSClient);
    const clusterArn = resources['storage/main/aws_ecs_cluster.scanners']?.attributes.arn;
    const { clusters } = await ecs.send(
      new DescribeClustersCommand({ clusters: ['sec-an-test-storage-scanners'] }),
    );
    expect(clusters?.[0]?.clusterArn).toBe(clusterArn);
    const { taskDefinition } = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: 'sec-an-test-storage-nmap' }),
    );
    expect(taskDefinition?.containerDefinitions?.[0]).toMatchObject({
      name: 'nmap',
      command: ['nmap', '-oX', '-'],
      environment: [{ name: 'CLUSTER', value: clusterArn }],
    });
    expect(taskDefinition?.cpu).toBe('512');
    expect(deployment.unapplied).toEqual([
      {
        address: 'storage/main/aws_kms_key.key',
        type: 'aws_kms_key',
        reason: 'resource type not emulated locally',
      },
    ]);
  });

  it('writes the deployment and the resources as JSON into the instance folder', async () => {
    const result = await provision([storageStack()]);
    const directory = mkdtempSync(join(tmpdir(), 'sec-an-provisioned-'));

    await writeProvisionResult(directory, result);

    expect(JSON.parse(readFileSync(join(directory, 'deployment.json'), 'utf8'))).toEqual(result.deployment);
    const resources = JSON.parse(readFileSync(join(directory, 'resources.json'), 'utf8'));
    expect(resources['storage/main/aws_s3_bucket.raw']).toMatchObject({
      type: 'aws_s3_bucket',
      attributes: { bucket: bucketName, arn: `arn:aws:s3:::${bucketName}` },
    });
  });
});
