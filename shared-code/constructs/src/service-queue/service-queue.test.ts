import { describe, expect, it } from '@jest/globals';
import { NodeFunction } from '../node-function/index.ts';
import { recorderEntry } from '../testing/handlers.ts';
import {
  accountRef,
  grantedStatements,
  resourceAt,
  resourcesOf,
  synthesize,
  testStack,
} from '../testing/index.ts';
import { visibilityTimeoutFor } from './queue-settings.ts';
import { ServiceQueue } from './service-queue.ts';

describe('ServiceQueue', () => {
  it('is encrypted, keeps messages 4 days and redrives to its dead-letter queue after 5 receives', () => {
    const stack = testStack();
    new ServiceQueue(stack, 'input', { name: 'input-queue' });
    const synthesized = synthesize(stack);
    const queue = resourceAt(synthesized, 'aws_sqs_queue', 'input/main');
    const deadLetters = resourceAt(synthesized, 'aws_sqs_queue', 'input/dead-letters');
    expect(queue).toMatchObject({
      name: 'sec-an-test-test-project-input-queue',
      sqs_managed_sse_enabled: true,
      message_retention_seconds: 345_600,
      visibility_timeout_seconds: 180,
    });
    expect(JSON.parse(String(queue.redrive_policy))).toEqual({
      deadLetterTargetArn: expect.stringMatching(/^\$\{aws_sqs_queue\.input_dead-letters_queue_.*\.arn\}$/),
      maxReceiveCount: 5,
    });
    expect(deadLetters).toMatchObject({
      name: 'sec-an-test-test-project-input-queue-dlq',
      sqs_managed_sse_enabled: true,
      message_retention_seconds: 1_209_600,
    });
    expect(deadLetters.redrive_policy).toBeUndefined();
  });

  it('takes its visibility timeout from the function that consumes it', () => {
    const stack = testStack();
    const queue = new ServiceQueue(stack, 'input', { name: 'input-queue', maxReceiveCount: 3 });
    const consumer = new NodeFunction(stack, 'consumer', {
      name: 'consumer',
      entry: recorderEntry,
      timeoutSeconds: 120,
    });
    consumer.consume(queue, { maximumBatchingWindowSeconds: 5 });
    const synthesized = synthesize(stack);
    expect(resourceAt(synthesized, 'aws_sqs_queue', 'input/main').visibility_timeout_seconds).toBe(
      visibilityTimeoutFor(120, 5),
    );
    expect(visibilityTimeoutFor(120, 5)).toBe(725);
  });

  it('has every dead letter drained by the stack recorder', () => {
    const stack = testStack();
    new ServiceQueue(stack, 'one', { name: 'one' });
    new ServiceQueue(stack, 'two', { name: 'two' });
    const synthesized = synthesize(stack);
    const mappings = Object.values(resourcesOf(synthesized, 'aws_lambda_event_source_mapping'));
    expect(mappings.map((mapping) => mapping.event_source_arn).sort()).toEqual([
      expect.stringMatching(/^\$\{aws_sqs_queue\.one_dead-letters_queue_.*\.arn\}$/),
      expect.stringMatching(/^\$\{aws_sqs_queue\.two_dead-letters_queue_.*\.arn\}$/),
    ]);
    expect(Object.keys(resourcesOf(synthesized, 'aws_lambda_function'))).toHaveLength(1);
  });

  it('admits exactly the topics it is subscribed to', () => {
    const stack = testStack();
    const queue = new ServiceQueue(stack, 'input', { name: 'input-queue' });
    queue.allowTopic('arn:aws:sns:eu-west-2:123456789012:one');
    queue.allowTopic('arn:aws:sns:eu-west-2:123456789012:two');
    const policy = JSON.parse(String(resourceAt(synthesize(stack), 'aws_sqs_queue_policy', 'input').policy));
    expect(policy.Statement).toEqual([
      {
        Sid: 'TopicsDeliver',
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: expect.stringMatching(/^\$\{aws_sqs_queue\.input_main_queue_.*\.arn\}$/),
        Condition: {
          ArnEquals: {
            'aws:SourceArn': [
              'arn:aws:sns:eu-west-2:123456789012:one',
              'arn:aws:sns:eu-west-2:123456789012:two',
            ],
          },
        },
      },
    ]);
  });

  it('admits the topics of this account that match a pattern, beside the ones named', () => {
    const stack = testStack();
    const queue = new ServiceQueue(stack, 'input', { name: 'input-queue' });
    queue.allowTopic('arn:aws:sns:eu-west-2:123456789012:one');
    queue.allowTopicsMatching('arn:aws:sns:eu-west-2:123456789012:sec-an-test-*');
    const synthesized = synthesize(stack);
    expect(Object.keys(resourcesOf(synthesized, 'aws_sqs_queue_policy'))).toHaveLength(1);
    const policy = JSON.parse(String(resourceAt(synthesized, 'aws_sqs_queue_policy', 'input').policy));
    expect(policy.Statement).toEqual([
      expect.objectContaining({ Sid: 'TopicsDeliver' }),
      {
        Sid: 'MatchingTopicsDeliver',
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: expect.stringMatching(/^\$\{aws_sqs_queue\.input_main_queue_.*\.arn\}$/),
        Condition: {
          ArnLike: { 'aws:SourceArn': ['arn:aws:sns:eu-west-2:123456789012:sec-an-test-*'] },
          StringEquals: { 'aws:SourceAccount': accountRef },
        },
      },
    ]);
  });

  it('has no queue policy until a topic is admitted', () => {
    const stack = testStack();
    new ServiceQueue(stack, 'input', { name: 'input-queue' });
    expect(resourcesOf(synthesize(stack), 'aws_sqs_queue_policy')).toEqual({});
  });

  it('refuses timings SQS would refuse', () => {
    expect(() => new ServiceQueue(testStack(), 'q', { name: 'q', maxReceiveCount: 0 })).toThrow(
      'maxReceiveCount must be an integer in 1..1000',
    );
    expect(() => new ServiceQueue(testStack(), 'q', { name: 'q', deliveryDelaySeconds: 901 })).toThrow(
      'deliveryDelaySeconds',
    );
  });

  it('gives its consumer exactly its own queue and dead-letter queue', () => {
    const stack = testStack();
    const queue = new ServiceQueue(stack, 'input', { name: 'input-queue' });
    new ServiceQueue(stack, 'other', { name: 'other-queue' });
    new NodeFunction(stack, 'consumer', { name: 'consumer', entry: recorderEntry }).consume(queue);
    const statements = grantedStatements(synthesize(stack), 'consumer/role');
    const sqsStatements = statements.filter((statement) =>
      statement.Action.some((a) => a.startsWith('sqs:')),
    );
    expect(sqsStatements).toEqual([
      {
        Effect: 'Allow',
        Action: [
          'sqs:ReceiveMessage',
          'sqs:DeleteMessage',
          'sqs:ChangeMessageVisibility',
          'sqs:GetQueueAttributes',
          'sqs:GetQueueUrl',
        ],
        Resource: [expect.stringMatching(/^\$\{aws_sqs_queue\.input_main_queue_.*\.arn\}$/)],
      },
      {
        Effect: 'Allow',
        Action: ['sqs:GetQueueUrl', 'sqs:SendMessage'],
        Resource: [expect.stringMatching(/^\$\{aws_sqs_queue\.input_dead-letters_queue_.*\.arn\}$/)],
      },
    ]);
  });
});
