import { describe, expect, it } from '@jest/globals';
import { Testing } from '@sec-an/constructs/cdktf';
import {
  accountRef,
  allGrantedStatements,
  grantedStatements,
  onlyResourceOf,
  partitionRef,
  referencedParameter,
  refTo,
  resourceWhere,
  type SynthesizedStack,
  starGrants,
  synthesize,
} from '@sec-an/constructs/testing';
import { DeadLetterReportStack } from './dead-letter-report-stack.ts';

const synthesizeReport = (): SynthesizedStack =>
  synthesize(new DeadLetterReportStack(Testing.app(), 'dead-letter-report', { stage: 'test' }));

const queueName = 'sec-an-test-analytics-platform-dead-letter-report-queue';

const queueRef = (synthesized: SynthesizedStack, name: string, attribute: string): string =>
  refTo(synthesized, 'aws_sqs_queue', attribute, (queue) => queue.name === name);

const ruleRef = (synthesized: SynthesizedStack, attribute: string): string =>
  refTo(synthesized, 'aws_cloudwatch_event_rule', attribute);

describe('DeadLetterReportStack', () => {
  const synthesized = synthesizeReport();

  it('selects the objects created under dead-letters/ of the bucket shared-infra publishes', () => {
    const rule = onlyResourceOf(synthesized, 'aws_cloudwatch_event_rule');
    expect(rule.name).toBe('sec-an-test-analytics-platform-dead-letter-archived');
    expect(JSON.parse(String(rule.event_pattern))).toEqual({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: {
        bucket: {
          name: [referencedParameter(synthesized, '/sec-an/test/shared-infra/dead-letter-bucket/name')],
        },
        object: { key: [{ prefix: 'dead-letters/' }] },
      },
    });
    expect(rule.schedule_expression).toBeUndefined();
  });

  it("sends what the rule selects to the reporter's queue, which admits that rule alone", () => {
    expect(onlyResourceOf(synthesized, 'aws_cloudwatch_event_target')).toEqual({
      rule: ruleRef(synthesized, 'name'),
      target_id: 'dead-letter-report-queue',
      arn: queueRef(synthesized, queueName, 'arn'),
    });
    const policy = onlyResourceOf(synthesized, 'aws_sqs_queue_policy');
    expect(policy.queue_url).toBe(queueRef(synthesized, queueName, 'url'));
    expect(JSON.parse(String(policy.policy)).Statement).toEqual([
      {
        Sid: 'ArchiveEventsDeliver',
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: queueRef(synthesized, queueName, 'arn'),
        Condition: { ArnEquals: { 'aws:SourceArn': ruleRef(synthesized, 'arn') } },
      },
    ]);
  });

  it('runs the reporter from its queue, two batches of ten at most at once', () => {
    const mapping = resourceWhere(
      synthesized,
      'aws_lambda_event_source_mapping',
      (resource) => resource.event_source_arn === queueRef(synthesized, queueName, 'arn'),
    );
    expect(mapping).toMatchObject({
      function_name: refTo(
        synthesized,
        'aws_lambda_function',
        'arn',
        (fn) => fn.function_name === 'sec-an-test-analytics-platform-dead-letter-report',
      ),
      batch_size: 10,
      function_response_types: ['ReportBatchItemFailures'],
      scaling_config: { maximum_concurrency: 2 },
    });
  });

  it('grants the reporter its queue (to consume and to defer to), reads under dead-letters/, writes to the dead-letters index, and nothing else', () => {
    const logGroup = refTo(
      synthesized,
      'aws_cloudwatch_log_group',
      'arn',
      (group) => group.name === '/aws/lambda/sec-an-test-analytics-platform-dead-letter-report',
    );
    expect(grantedStatements(synthesized, 'reporter')).toEqual([
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: [`${logGroup}:*`],
      },
      {
        Effect: 'Allow',
        Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
        Resource: ['*'],
      },
      {
        Effect: 'Allow',
        Action: ['kms:Decrypt'],
        Resource: [referencedParameter(synthesized, '/sec-an/test/shared-infra/log-key/arn')],
      },
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
      {
        Effect: 'Allow',
        Action: ['sqs:SendMessage'],
        Resource: [queueRef(synthesized, queueName, 'arn')],
      },
      {
        Effect: 'Allow',
        Action: ['s3:GetObject'],
        Resource: [
          `${referencedParameter(synthesized, '/sec-an/test/shared-infra/dead-letter-bucket/arn')}/dead-letters/*`,
        ],
      },
      {
        Effect: 'Allow',
        Action: ['es:ESHttpPut'],
        Resource: [
          `${referencedParameter(synthesized, '/sec-an/test/analytics-platform/search-domain/arn')}/dead-letters/_doc/*`,
        ],
      },
      {
        Effect: 'Allow',
        Action: ['ssm:GetParameter'],
        Resource: [
          `arn:${partitionRef}:ssm:eu-west-2:${accountRef}:parameter/sec-an/test/analytics-platform/search-domain/endpoint`,
        ],
      },
    ]);
  });

  it('grants no restrictable action on every resource, in any role of the stack', () => {
    expect(starGrants(allGrantedStatements(synthesized))).toEqual([]);
  });
});
