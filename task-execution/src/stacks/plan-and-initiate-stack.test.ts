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
import { PlanAndInitiateStack } from './plan-and-initiate-stack.ts';

const functionName = 'sec-an-test-task-execution-plan-and-initiate';

const synthesizePlan = (
  plan = { periodSeconds: 86_400, buckets: 96, bucketSeconds: 900 },
): SynthesizedStack =>
  synthesize(new PlanAndInitiateStack(Testing.app(), 'plan-and-initiate', { stage: 'test', plan }));

const parameter = (synthesized: SynthesizedStack, path: string): string =>
  referencedParameter(synthesized, `/sec-an/test/task-execution/${path}`);

const readGrant = (path: string) => ({
  Effect: 'Allow',
  Action: ['ssm:GetParameter'],
  Resource: [`arn:${partitionRef}:ssm:eu-west-2:${accountRef}:parameter/sec-an/test/task-execution/${path}`],
});

describe('PlanAndInitiateStack', () => {
  const synthesized = synthesizePlan();

  it('runs the handler with its four tables and the delay queue', () => {
    const fn = resourceWhere(
      synthesized,
      'aws_lambda_function',
      (each) => each.function_name === functionName,
    );
    expect(fn).toMatchObject({
      timeout: 900,
      environment: {
        variables: expect.objectContaining({
          SEC_AN_ADDRESSES_TABLE: parameter(synthesized, 'addresses-table/name'),
          SEC_AN_DNS_INGESTS_TABLE: parameter(synthesized, 'dns-ingests-table/name'),
          SEC_AN_SCAN_PLAN_TABLE: parameter(synthesized, 'scan-plan-table/name'),
          SEC_AN_SCAN_PLANS_TABLE: parameter(synthesized, 'scan-plans-table/name'),
          SEC_AN_DELAY_QUEUE_URL: parameter(synthesized, 'delay-queue/url'),
        }),
      },
    });
  });

  it('grants each table what planning and initiating do to it, sending to the delay queue, the settings it reads, and nothing else', () => {
    const statements = grantedStatements(synthesized, 'plan-and-initiate_role').filter(
      (statement) => !statement.Action.some((action) => /^(logs|xray|kms):/.test(action)),
    );
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['dynamodb:Scan', 'dynamodb:UpdateItem'],
        Resource: [parameter(synthesized, 'addresses-table/arn')],
      },
      {
        Effect: 'Allow',
        Action: ['dynamodb:Scan'],
        Resource: [parameter(synthesized, 'dns-ingests-table/arn')],
      },
      {
        Effect: 'Allow',
        Action: ['dynamodb:BatchWriteItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
        Resource: [parameter(synthesized, 'scan-plan-table/arn')],
      },
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
        Resource: [parameter(synthesized, 'scan-plans-table/arn')],
      },
      { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [parameter(synthesized, 'delay-queue/arn')] },
      readGrant('scan-scope/definition'),
      readGrant('scan-plan/period-seconds'),
      readGrant('scan-plan/buckets'),
      {
        Effect: 'Allow',
        Action: ['sqs:SendMessage'],
        Resource: [
          refTo(
            synthesized,
            'aws_sqs_queue',
            'arn',
            (queue) => queue.name === `${functionName}-async-failures`,
          ),
        ],
      },
    ]);
    expect(starGrants(allGrantedStatements(synthesized))).toEqual([]);
  });

  it('runs at the start of every bucket, and gives up a failed run once the next has started', () => {
    expect(onlyResourceOf(synthesized, 'aws_cloudwatch_event_rule')).toMatchObject({
      name: functionName,
      schedule_expression: 'cron(0/15 * * * ? *)',
    });
    expect(onlyResourceOf(synthesized, 'aws_lambda_function_event_invoke_config')).toMatchObject({
      maximum_retry_attempts: 2,
      maximum_event_age_in_seconds: 900,
    });
    const fiveMinutes = synthesizePlan({ periodSeconds: 3600, buckets: 12, bucketSeconds: 300 });
    expect(onlyResourceOf(fiveMinutes, 'aws_cloudwatch_event_rule').schedule_expression).toBe(
      'cron(0/5 * * * ? *)',
    );
    expect(
      onlyResourceOf(fiveMinutes, 'aws_lambda_function_event_invoke_config').maximum_event_age_in_seconds,
    ).toBe(300);
  });

  it('refuses plan settings it cannot schedule at the start of each bucket', () => {
    expect(() => synthesizePlan({ periodSeconds: 3500, buckets: 50, bucketSeconds: 70 })).toThrow(
      'a bucket of 70 s cannot be scheduled at its start',
    );
  });
});
