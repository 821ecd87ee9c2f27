import { existsSync } from 'node:fs';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table/index.js';
import { describe, expect, it } from '@jest/globals';
import { ServiceQueue } from '../service-queue/index.ts';
import { recorderEntry } from '../testing/handlers.ts';
import { grantedStatements, resourceAt, resourcesOf, synthesize, testStack } from '../testing/index.ts';
import { NodeFunction } from './node-function.ts';

describe('NodeFunction', () => {
  it('runs its own ES module bundle on nodejs24.x with tracing, JSON logs and its stage', () => {
    const stack = testStack();
    const fn = new NodeFunction(stack, 'worker', {
      name: 'worker',
      entry: recorderEntry,
      environment: { EXTRA: 'yes' },
    });
    const synthesized = synthesize(stack);
    expect(existsSync(`${fn.bundle.directory}/index.mjs`)).toBe(true);
    expect(existsSync(`${fn.bundle.directory}/index.mjs.map`)).toBe(true);
    expect(resourceAt(synthesized, 'aws_lambda_function', 'worker')).toMatchObject({
      function_name: 'sec-an-test-test-project-worker',
      runtime: 'nodejs24.x',
      handler: 'index.handler',
      architectures: ['arm64'],
      filename: expect.stringMatching(/^assets\/worker_package_.*\/worker\.zip$/),
      timeout: 30,
      memory_size: 256,
      tracing_config: { mode: 'Active' },
      kms_key_arn: expect.stringMatching(
        /^\$\{data\.aws_ssm_parameter\.reference-shared-infra-log-key-arn_parameter_.*\.value\}$/,
      ),
      logging_config: { log_format: 'JSON' },
      environment: {
        variables: {
          SEC_AN_APP: 'sec-an',
          SEC_AN_STAGE: 'test',
          POWERTOOLS_SERVICE_NAME: 'worker',
          NODE_OPTIONS: '--enable-source-maps',
          EXTRA: 'yes',
        },
      },
    });
  });

  it('keeps its logs for a year in its own log group, which only it writes to', () => {
    const stack = testStack();
    new NodeFunction(stack, 'worker', { name: 'worker', entry: recorderEntry });
    const synthesized = synthesize(stack);
    expect(resourceAt(synthesized, 'aws_cloudwatch_log_group', 'worker')).toMatchObject({
      name: '/aws/lambda/sec-an-test-test-project-worker',
      retention_in_days: 365,
      kms_key_id: expect.stringMatching(
        /^\$\{data\.aws_ssm_parameter\.reference-shared-infra-log-key-arn_parameter_.*\.value\}$/,
      ),
    });
    expect(grantedStatements(synthesized, 'worker_role')).toEqual([
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: [expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.worker_logs_.*\.arn\}:\*$/)],
      },
      { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: ['*'] },
      {
        Effect: 'Allow',
        Action: ['kms:Decrypt'],
        Resource: [
          expect.stringMatching(
            /^\$\{data\.aws_ssm_parameter\.reference-shared-infra-log-key-arn_parameter_.*\.value\}$/,
          ),
        ],
      },
    ]);
  });

  it('drains a queue reporting batch item failures, with batch size, window and concurrency', () => {
    const stack = testStack();
    const queue = new ServiceQueue(stack, 'input', { name: 'input' });
    new NodeFunction(stack, 'worker', { name: 'worker', entry: recorderEntry }).consume(queue, {
      batchSize: 50,
      maximumBatchingWindowSeconds: 2,
      maximumConcurrency: 3,
    });
    expect(resourceAt(synthesize(stack), 'aws_lambda_event_source_mapping', 'worker_consume')).toMatchObject({
      event_source_arn: expect.stringMatching(/^\$\{aws_sqs_queue\.input_main_queue_.*\.arn\}$/),
      function_name: expect.stringMatching(/^\$\{aws_lambda_function\.worker_function_.*\.arn\}$/),
      batch_size: 50,
      maximum_batching_window_in_seconds: 2,
      function_response_types: ['ReportBatchItemFailures'],
      scaling_config: { maximum_concurrency: 3 },
    });
  });

  const streamTable = (stack: ReturnType<typeof testStack>, id = 'table') =>
    new DynamodbTable(stack, id, {
      name: id,
      hashKey: 'Host',
      attribute: [{ name: 'Host', type: 'S' }],
      billingMode: 'PAY_PER_REQUEST',
      streamEnabled: true,
      streamViewType: 'NEW_AND_OLD_IMAGES',
    });

  it('consumes a stream with bounded retries, bisection, partial failures and an on-failure queue', () => {
    const stack = testStack();
    const table = streamTable(stack);
    new NodeFunction(stack, 'sync', { name: 'sync', entry: recorderEntry }).consumeStream(table, {
      batchSize: 50,
      maximumRetryAttempts: 3,
    });
    const synthesized = synthesize(stack);
    expect(resourceAt(synthesized, 'aws_lambda_event_source_mapping', 'sync_consume-stream')).toEqual(
      expect.objectContaining({
        event_source_arn: expect.stringMatching(/^\$\{aws_dynamodb_table\.table\.stream_arn\}$/),
        function_name: expect.stringMatching(/^\$\{aws_lambda_function\.sync_function_.*\.arn\}$/),
        starting_position: 'TRIM_HORIZON',
        batch_size: 50,
        maximum_batching_window_in_seconds: 0,
        bisect_batch_on_function_error: true,
        maximum_retry_attempts: 3,
        parallelization_factor: 1,
        function_response_types: ['ReportBatchItemFailures'],
        destination_config: {
          on_failure: {
            destination_arn: expect.stringMatching(
              /^\$\{aws_sqs_queue\.sync_stream-failures_queue_.*\.arn\}$/,
            ),
          },
        },
      }),
    );
    expect(resourceAt(synthesized, 'aws_sqs_queue', 'sync_stream-failures')).toMatchObject({
      name: 'sec-an-test-test-project-sync-stream-failures',
      sqs_managed_sse_enabled: true,
      message_retention_seconds: 1_209_600,
    });
    const recorderSources = Object.values(resourcesOf(synthesized, 'aws_lambda_event_source_mapping'))
      .filter((mapping) => String(mapping.function_name).includes('dead-letter-recorder'))
      .map((mapping) => mapping.event_source_arn);
    expect(recorderSources).toEqual([
      expect.stringMatching(/^\$\{aws_sqs_queue\.sync_stream-failures_queue_.*\.arn\}$/),
    ]);
  });

  it('grants reading exactly the consumed stream and sending to its own failures queue', () => {
    const stack = testStack();
    const fn = new NodeFunction(stack, 'sync', { name: 'sync', entry: recorderEntry });
    fn.consumeStream(streamTable(stack, 'one'));
    fn.consumeStream(streamTable(stack, 'two'), { startingPosition: 'LATEST' });
    const synthesized = synthesize(stack);
    const statements = grantedStatements(synthesized, 'sync_role').filter(
      (statement) => !statement.Action.some((action) => /^(logs|xray|kms):/.test(action)),
    );
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: [
          'dynamodb:DescribeStream',
          'dynamodb:GetRecords',
          'dynamodb:GetShardIterator',
          'dynamodb:ListStreams',
        ],
        Resource: [`\${aws_dynamodb_table.one.stream_arn}`],
      },
      {
        Effect: 'Allow',
        Action: ['sqs:SendMessage'],
        Resource: [expect.stringMatching(/^\$\{aws_sqs_queue\.sync_stream-failures_queue_.*\.arn\}$/)],
      },
      {
        Effect: 'Allow',
        Action: [
          'dynamodb:DescribeStream',
          'dynamodb:GetRecords',
          'dynamodb:GetShardIterator',
          'dynamodb:ListStreams',
        ],
        Resource: [`\${aws_dynamodb_table.two.stream_arn}`],
      },
    ]);
    expect(Object.keys(resourcesOf(synthesized, 'aws_sqs_queue'))).toHaveLength(1);
  });

  it('refuses stream settings Lambda would refuse, and unbounded retries', () => {
    const stack = testStack();
    const fn = new NodeFunction(stack, 'sync', { name: 'sync', entry: recorderEntry });
    const table = streamTable(stack);
    expect(() => fn.consumeStream(table, { maximumRetryAttempts: -1 })).toThrow(
      'maximumRetryAttempts must be an integer in 0..10000',
    );
    expect(() => fn.consumeStream(table, { batchSize: 0, parallelizationFactor: 11 })).toThrow(
      'batchSize must be an integer in 1..10000; parallelizationFactor must be an integer in 1..10',
    );
    expect(() =>
      fn.consumeStream(table, { startingPosition: 'AT_TIMESTAMP' as 'LATEST', maximumRecordAgeSeconds: 10 }),
    ).toThrow(
      'maximumRecordAgeSeconds must be an integer in 60..604800; startingPosition must be TRIM_HORIZON or LATEST',
    );
  });

  it('refuses settings Lambda would refuse', () => {
    const stack = testStack();
    expect(
      () => new NodeFunction(stack, 'a', { name: 'a', entry: recorderEntry, timeoutSeconds: 901 }),
    ).toThrow('timeoutSeconds must be an integer in 1..900');
    expect(
      () => new NodeFunction(stack, 'b', { name: 'b', entry: recorderEntry, logRetentionDays: 42 }),
    ).toThrow('logRetentionDays must be one of');
    const fn = new NodeFunction(stack, 'c', { name: 'c', entry: recorderEntry });
    expect(() => fn.consume(new ServiceQueue(stack, 'q', { name: 'q' }), { batchSize: 100 })).toThrow(
      'a batchSize over 10 needs a maximumBatchingWindowSeconds',
    );
  });

  it('lets one queue feed one function only', () => {
    const stack = testStack();
    const queue = new ServiceQueue(stack, 'input', { name: 'input' });
    new NodeFunction(stack, 'one', { name: 'one', entry: recorderEntry }).consume(queue);
    expect(() =>
      new NodeFunction(stack, 'two', { name: 'two', entry: recorderEntry }).consume(queue),
    ).toThrow('already has a consumer');
  });

  it('fails synth when its role is granted a restrictable action on every resource', () => {
    const stack = testStack();
    const fn = new NodeFunction(stack, 'greedy', { name: 'greedy', entry: recorderEntry });
    fn.addToPolicy({ actions: ['s3:GetObject'], resources: ['*'] });
    expect(() => synthesize(stack)).toThrow('s3:GetObject on resource "*"');
  });
});
