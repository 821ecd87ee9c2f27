import { describe, expect, it } from '@jest/globals';
import { Testing } from '@sec-an/constructs/cdktf';
import {
  accountRef,
  allGrantedStatements,
  grantedStatements,
  partitionRef,
  publishedParameters,
  referencedParameter,
  refTo,
  resourceAt,
  type SynthesizedStack,
  starGrants,
  synthesize,
} from '@sec-an/constructs/testing';
import { IngestStack } from './ingest-stack.ts';

const queueName = 'sec-an-test-analytics-platform-ingest-queue';

const queueRef = (synthesized: SynthesizedStack, name: string, attribute: string): string =>
  refTo(synthesized, 'aws_sqs_queue', attribute, (queue) => queue.name === name);

describe('IngestStack', () => {
  const synthesized = synthesize(new IngestStack(Testing.app(), 'ingest', { stage: 'test' }));

  it('admits into the ingest queue every topic of this app and stage in this account, so later projects only subscribe', () => {
    const policy = resourceAt(synthesized, 'aws_sqs_queue_policy', 'ingest-queue');
    expect(policy.queue_url).toBe(queueRef(synthesized, queueName, 'url'));
    expect(JSON.parse(String(policy.policy)).Statement).toEqual([
      {
        Sid: 'MatchingTopicsDeliver',
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: queueRef(synthesized, queueName, 'arn'),
        Condition: {
          ArnLike: { 'aws:SourceArn': [`arn:${partitionRef}:sns:eu-west-2:${accountRef}:sec-an-test-*`] },
          StringEquals: { 'aws:SourceAccount': accountRef },
        },
      },
    ]);
  });

  it('drains the queue in large batches with bounded concurrency into the ingest handler', () => {
    expect(resourceAt(synthesized, 'aws_lambda_function', 'ingest')).toMatchObject({
      function_name: 'sec-an-test-analytics-platform-ingest',
      timeout: 60,
      memory_size: 1024,
    });
    expect(resourceAt(synthesized, 'aws_lambda_event_source_mapping', 'ingest_consume')).toMatchObject({
      event_source_arn: queueRef(synthesized, queueName, 'arn'),
      batch_size: 250,
      maximum_batching_window_in_seconds: 2,
      scaling_config: { maximum_concurrency: 5 },
      function_response_types: ['ReportBatchItemFailures'],
    });
    expect(resourceAt(synthesized, 'aws_sqs_queue', 'ingest-queue/main')).toMatchObject({
      visibility_timeout_seconds: 6 * 60 + 2,
    });
  });

  it('grants the ingest function its queue, its dead-letter queue, claim checks, the domain REST API and its endpoint, nothing else', () => {
    const domainArn = referencedParameter(synthesized, '/sec-an/test/analytics-platform/search-domain/arn');
    const statements = grantedStatements(synthesized, 'ingest/role').filter(
      (statement) => !statement.Action.some((action) => /^(logs|xray|kms):/.test(action)),
    );
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: [
          'sqs:ReceiveMessage',
          'sqs:DeleteMessage',
          'sqs:ChangeMessageVisibility',
          'sqs:GetQueueAttributes',
          'sqs:GetQueueUrl',
        ],
        Resource: [queueRef(synthesized, queueName, 'arn')],
      },
      {
        Effect: 'Allow',
        Action: ['sqs:GetQueueUrl', 'sqs:SendMessage'],
        Resource: [queueRef(synthesized, `${queueName}-dlq`, 'arn')],
      },
      { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [queueRef(synthesized, queueName, 'arn')] },
      {
        Effect: 'Allow',
        Action: ['s3:GetObject'],
        Resource: [`arn:${partitionRef}:s3:::sec-an-test-*/claim-checks/*`],
      },
      {
        Effect: 'Allow',
        Action: ['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPost', 'es:ESHttpPut', 'es:ESHttpDelete'],
        Resource: [`${domainArn}/*`],
      },
      {
        Effect: 'Allow',
        Action: ['ssm:GetParameter'],
        Resource: [
          `arn:${partitionRef}:ssm:eu-west-2:${accountRef}:parameter/sec-an/test/analytics-platform/search-domain/endpoint`,
        ],
      },
    ]);
    expect(starGrants(allGrantedStatements(synthesized))).toEqual([]);
  });

  it('publishes the ingest queue for the projects that subscribe to it', () => {
    expect(publishedParameters(synthesized)).toEqual({
      '/sec-an/test/analytics-platform/ingest-queue/url': queueRef(synthesized, queueName, 'url'),
      '/sec-an/test/analytics-platform/ingest-queue/arn': queueRef(synthesized, queueName, 'arn'),
    });
  });
});
