import { describe, expect, it } from '@jest/globals';
import { NodeFunction } from '../node-function/index.ts';
import { ServiceQueue } from '../service-queue/index.ts';
import { recorderEntry } from '../testing/handlers.ts';
import { grantedStatements, resourceAt, synthesize, testStack } from '../testing/index.ts';
import { ServiceTopic } from './service-topic.ts';

describe('ServiceTopic', () => {
  it('is encrypted and logs deliveries through the role shared-infra publishes', () => {
    const stack = testStack();
    new ServiceTopic(stack, 'results', { name: 'results-topic' });
    const synthesized = synthesize(stack);
    const topic = resourceAt(synthesized, 'aws_sns_topic', 'results');
    const loggingRole = expect.stringMatching(
      /^\$\{data\.aws_ssm_parameter\.reference-shared-infra-sns-delivery-logging-role-arn_parameter_.*\.value\}$/,
    );
    expect(topic).toMatchObject({
      name: 'sec-an-test-test-project-results-topic',
      kms_master_key_id: 'alias/aws/sns',
      sqs_success_feedback_role_arn: loggingRole,
      sqs_failure_feedback_role_arn: loggingRole,
      sqs_success_feedback_sample_rate: 10,
      lambda_failure_feedback_role_arn: loggingRole,
    });
    expect(Object.values(synthesized.data?.aws_ssm_parameter ?? {})).toContainEqual({
      name: '/sec-an/test/shared-infra/sns-delivery-logging-role/arn',
    });
  });

  it('subscribes a queue with raw delivery and a filter policy on attributes, and lets the topic in', () => {
    const stack = testStack();
    const topic = new ServiceTopic(stack, 'results', { name: 'results-topic' });
    const queue = new ServiceQueue(stack, 'tls', { name: 'tls-ports' });
    topic.subscribeQueue(queue, { filterPolicy: { tls: ['true'], port: [{ numeric: ['>', 0] }] } });
    const synthesized = synthesize(stack);
    const subscription = resourceAt(synthesized, 'aws_sns_topic_subscription', 'subscription-tls-ports');
    expect(subscription).toMatchObject({
      protocol: 'sqs',
      raw_message_delivery: true,
      filter_policy_scope: 'MessageAttributes',
      endpoint: expect.stringMatching(/^\$\{aws_sqs_queue\.tls_main_queue_.*\.arn\}$/),
      topic_arn: expect.stringMatching(/^\$\{aws_sns_topic\.results_topic_.*\.arn\}$/),
    });
    expect(JSON.parse(String(subscription.filter_policy))).toEqual({
      tls: ['true'],
      port: [{ numeric: ['>', 0] }],
    });
    const queuePolicy = JSON.parse(String(resourceAt(synthesized, 'aws_sqs_queue_policy', 'tls').policy));
    expect(queuePolicy.Statement[0].Condition.ArnEquals['aws:SourceArn']).toEqual([
      expect.stringMatching(/^\$\{aws_sns_topic\.results_topic_.*\.arn\}$/),
    ]);
  });

  it('filters on the body when asked', () => {
    const stack = testStack();
    const topic = new ServiceTopic(stack, 'results', { name: 'results-topic' });
    topic.subscribeQueue(new ServiceQueue(stack, 'q', { name: 'q' }), {
      filterPolicy: { task: ['nmap-scanner'] },
      filterPolicyScope: 'MessageBody',
    });
    expect(
      resourceAt(synthesize(stack), 'aws_sns_topic_subscription', 'subscription-q').filter_policy_scope,
    ).toBe('MessageBody');
  });

  it('refuses a filter policy SNS would refuse', () => {
    const stack = testStack();
    const topic = new ServiceTopic(stack, 'results', { name: 'results-topic' });
    const queue = new ServiceQueue(stack, 'q', { name: 'q' });
    expect(() =>
      topic.subscribeQueue(queue, { filterPolicy: { a: [1], b: [1], c: [1], d: [1], e: [1], f: [1] } }),
    ).toThrow('at most 5 keys');
  });

  it('grants publishing on exactly this topic', () => {
    const stack = testStack();
    const topic = new ServiceTopic(stack, 'results', { name: 'results-topic' });
    const publisher = new NodeFunction(stack, 'publisher', { name: 'publisher', entry: recorderEntry });
    topic.grantPublish(publisher);
    const statements = grantedStatements(synthesize(stack), 'publisher_role');
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['sns:Publish'],
      Resource: [expect.stringMatching(/^\$\{aws_sns_topic\.results_topic_.*\.arn\}$/)],
    });
  });

  it('invokes a subscribed function asynchronously, its failures captured for the recorder', () => {
    const stack = testStack();
    const topic = new ServiceTopic(stack, 'results', { name: 'results-topic' });
    const fn = new NodeFunction(stack, 'reactor', { name: 'reactor', entry: recorderEntry });
    topic.subscribeFunction(fn, { filterPolicy: { task: ['nmap-scanner'] } });
    const synthesized = synthesize(stack);
    expect(resourceAt(synthesized, 'aws_sns_topic_subscription', 'subscription-reactor')).toMatchObject({
      protocol: 'lambda',
      endpoint: expect.stringMatching(/^\$\{aws_lambda_function\.reactor_function_.*\.arn\}$/),
    });
    expect(resourceAt(synthesized, 'aws_lambda_permission', 'permission-reactor')).toMatchObject({
      principal: 'sns.amazonaws.com',
      source_arn: expect.stringMatching(/^\$\{aws_sns_topic\.results_topic_.*\.arn\}$/),
    });
    const invokeConfig = resourceAt(synthesized, 'aws_lambda_function_event_invoke_config', 'reactor');
    expect(invokeConfig).toMatchObject({
      maximum_retry_attempts: 2,
      destination_config: {
        on_failure: {
          destination: expect.stringMatching(/^\$\{aws_sqs_queue\.reactor_async-failures_queue_.*\.arn\}$/),
        },
      },
    });
    expect(grantedStatements(synthesized, 'reactor_role')).toContainEqual({
      Effect: 'Allow',
      Action: ['sqs:SendMessage'],
      Resource: [expect.stringMatching(/^\$\{aws_sqs_queue\.reactor_async-failures_queue_.*\.arn\}$/)],
    });
    expect(grantedStatements(synthesized, 'dead-letter-recorder')).toContainEqual(
      expect.objectContaining({
        Resource: [expect.stringMatching(/^\$\{aws_sqs_queue\.reactor_async-failures_queue_.*\.arn\}$/)],
      }),
    );
  });
});
