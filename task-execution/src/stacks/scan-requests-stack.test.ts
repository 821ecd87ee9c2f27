import { describe, expect, it } from '@jest/globals';
import { Testing } from '@sec-an/constructs/cdktf';
import {
  allGrantedStatements,
  grantedStatements,
  onlyResourceOf,
  publishedParameters,
  refTo,
  resourceWhere,
  type SynthesizedStack,
  starGrants,
  synthesize,
} from '@sec-an/constructs/testing';
import { ScanRequestsStack } from './scan-requests-stack.ts';

const queueName = 'sec-an-test-task-execution-delay-queue';

const queueRef = (synthesized: SynthesizedStack, name: string, attribute: string): string =>
  refTo(synthesized, 'aws_sqs_queue', attribute, (queue) => queue.name === name);

describe('ScanRequestsStack', () => {
  const synthesized = synthesize(new ScanRequestsStack(Testing.app(), 'scan-requests', { stage: 'test' }));
  const topicArn = refTo(synthesized, 'aws_sns_topic', 'arn');

  it('creates the encrypted scan-request topic', () => {
    expect(onlyResourceOf(synthesized, 'aws_sns_topic')).toMatchObject({
      name: 'sec-an-test-task-execution-scan-request-topic',
      kms_master_key_id: 'alias/aws/sns',
    });
  });

  it('delays nothing itself: each message carries its own delay, and the queue has its dead-letter queue', () => {
    const queue = resourceWhere(synthesized, 'aws_sqs_queue', (each) => each.name === queueName);
    expect(queue.delay_seconds).toBe(0);
    expect(JSON.parse(String(queue.redrive_policy))).toMatchObject({
      deadLetterTargetArn: queueRef(synthesized, `${queueName}-dlq`, 'arn'),
    });
  });

  it('forwards the delay queue to the topic, and the glue may publish to that topic only', () => {
    const glue = resourceWhere(
      synthesized,
      'aws_lambda_function',
      (fn) => fn.function_name === 'sec-an-test-task-execution-delay-queue-to-scan-request-topic',
    );
    expect(glue.environment).toEqual({ variables: expect.objectContaining({ SEC_AN_TOPIC_ARN: topicArn }) });
    const mapping = resourceWhere(
      synthesized,
      'aws_lambda_event_source_mapping',
      (each) => each.event_source_arn === queueRef(synthesized, queueName, 'arn'),
    );
    expect(mapping.function_name).toBe(refTo(synthesized, 'aws_lambda_function', 'arn', (fn) => fn === glue));
    expect(
      grantedStatements(synthesized, 'delay-to-topic')
        .filter((statement) => statement.Action.includes('sns:Publish'))
        .flatMap((statement) => statement.Resource),
    ).toEqual([topicArn]);
    expect(starGrants(allGrantedStatements(synthesized))).toEqual([]);
  });

  it('publishes the topic for the scanners and the delay queue for the initiator', () => {
    expect(publishedParameters(synthesized)).toEqual({
      '/sec-an/test/task-execution/scan-request-topic/arn': topicArn,
      '/sec-an/test/task-execution/delay-queue/url': queueRef(synthesized, queueName, 'url'),
      '/sec-an/test/task-execution/delay-queue/arn': queueRef(synthesized, queueName, 'arn'),
    });
  });
});
