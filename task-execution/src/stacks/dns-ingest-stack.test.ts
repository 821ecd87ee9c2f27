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
import { DnsIngestStack, type DnsIngestStackProps } from './dns-ingest-stack.ts';

const synthesizeIngest = (props: Partial<DnsIngestStackProps> = {}): SynthesizedStack =>
  synthesize(
    new DnsIngestStack(Testing.app(), 'dns-ingest', { stage: 'test', readerRoleArns: [], ...props }),
  );

const functionName = 'sec-an-test-task-execution-dns-ingest';
const table = (synthesized: SynthesizedStack, name: string, attribute: string): string =>
  referencedParameter(synthesized, `/sec-an/test/task-execution/${name}-table/${attribute}`);

const ingestFunction = (synthesized: SynthesizedStack) =>
  resourceWhere(synthesized, 'aws_lambda_function', (fn) => fn.function_name === functionName);

/** What the role was granted besides logs, tracing and the log key, which every function has. */
const ownGrants = (synthesized: SynthesizedStack) =>
  grantedStatements(synthesized, 'dns-ingest_role').filter(
    (statement) => !statement.Action.some((action) => /^(logs|xray|kms):/.test(action)),
  );

const failuresQueue = (synthesized: SynthesizedStack): string =>
  refTo(synthesized, 'aws_sqs_queue', 'arn', (queue) => queue.name === `${functionName}-async-failures`);

const readerParameterGrant = {
  Effect: 'Allow',
  Action: ['ssm:GetParameter'],
  Resource: [
    `arn:${partitionRef}:ssm:eu-west-2:${accountRef}:parameter/sec-an/test/task-execution/dns-reader/role-arn`,
  ],
};

describe('DnsIngestStack', () => {
  const synthesized = synthesizeIngest();

  it('runs the ingest handler for up to 15 minutes, with the names of its four tables', () => {
    expect(ingestFunction(synthesized)).toMatchObject({
      timeout: 900,
      memory_size: 1024,
      environment: {
        variables: expect.objectContaining({
          SEC_AN_HOSTS_TABLE: table(synthesized, 'hosts', 'name'),
          SEC_AN_ADDRESSES_TABLE: table(synthesized, 'addresses', 'name'),
          SEC_AN_DNS_HISTORY_TABLE: table(synthesized, 'dns-history', 'name'),
          SEC_AN_DNS_INGESTS_TABLE: table(synthesized, 'dns-ingests', 'name'),
          SEC_AN_STAGE: 'test',
          SEC_AN_APP: 'sec-an',
        }),
      },
    });
  });

  it('grants each table what the ingest does to it, Route53 reads, the reader parameter, and nothing else', () => {
    expect(ownGrants(synthesized)).toEqual([
      {
        Effect: 'Allow',
        Action: ['dynamodb:Scan', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'],
        Resource: [table(synthesized, 'hosts', 'arn')],
      },
      {
        Effect: 'Allow',
        Action: ['dynamodb:Scan', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'],
        Resource: [table(synthesized, 'addresses', 'arn')],
      },
      {
        Effect: 'Allow',
        Action: ['dynamodb:BatchWriteItem'],
        Resource: [table(synthesized, 'dns-history', 'arn')],
      },
      {
        Effect: 'Allow',
        Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
        Resource: [table(synthesized, 'dns-ingests', 'arn')],
      },
      { Effect: 'Allow', Action: ['route53:ListHostedZones'], Resource: ['*'] },
      {
        Effect: 'Allow',
        Action: ['route53:ListResourceRecordSets'],
        Resource: [`arn:${partitionRef}:route53:::hostedzone/*`],
      },
      readerParameterGrant,
      { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [failuresQueue(synthesized)] },
    ]);
    expect(starGrants(allGrantedStatements(synthesized))).toEqual([]);
  });

  it('reading through reader roles, may assume exactly those and read no zone itself', () => {
    const roles = ['arn:aws:iam::111122223333:role/dns-reader', 'arn:aws:iam::444455556666:role/dns-reader'];
    const withRoles = synthesizeIngest({ readerRoleArns: roles });
    const grants = ownGrants(withRoles);
    expect(
      grants.filter((statement) => !statement.Action.some((action) => action.startsWith('dynamodb:'))),
    ).toEqual([
      { Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: roles },
      readerParameterGrant,
      { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [failuresQueue(withRoles)] },
    ]);
  });

  it('runs daily at the configured time in UTC, or at a time of the small hours that the stage names', () => {
    const ruleOf = (given: SynthesizedStack) => onlyResourceOf(given, 'aws_cloudwatch_event_rule');
    expect(ruleOf(synthesizeIngest({ ingestTime: { hour: 6, minute: 45 } }))).toMatchObject({
      name: functionName,
      schedule_expression: 'cron(45 6 * * ? *)',
      description: 'DNS ingest, daily at 06:45 UTC',
    });
    const byDefault = String(ruleOf(synthesized).schedule_expression);
    expect(byDefault).toMatch(/^cron\(\d{1,2} [234] \* \* \? \*\)$/);
    expect(ruleOf(synthesizeIngest()).schedule_expression).toBe(byDefault);
    expect(ruleOf(synthesizeIngest({ stage: 'prod' })).schedule_expression).not.toBe(byDefault);
  });

  it('is invoked by its rule only, and a run that fails after its retries is kept as a dead letter', () => {
    const fnArn = refTo(synthesized, 'aws_lambda_function', 'arn', (fn) => fn.function_name === functionName);
    expect(onlyResourceOf(synthesized, 'aws_cloudwatch_event_target')).toMatchObject({
      rule: refTo(synthesized, 'aws_cloudwatch_event_rule', 'name'),
      arn: fnArn,
    });
    expect(onlyResourceOf(synthesized, 'aws_lambda_permission')).toMatchObject({
      principal: 'events.amazonaws.com',
      source_arn: refTo(synthesized, 'aws_cloudwatch_event_rule', 'arn'),
    });
    expect(onlyResourceOf(synthesized, 'aws_lambda_function_event_invoke_config')).toMatchObject({
      maximum_retry_attempts: 2,
      destination_config: {
        on_failure: {
          destination: failuresQueue(synthesized),
        },
      },
    });
  });

  it('ingests once when deployed, and again only when the reader roles change', () => {
    const invocation = onlyResourceOf(synthesized, 'aws_lambda_invocation');
    expect(invocation).toMatchObject({
      function_name: refTo(
        synthesized,
        'aws_lambda_function',
        'function_name',
        (fn) => fn.function_name === functionName,
      ),
      input: JSON.stringify({ source: 'sec-an.deploy' }),
      triggers: { readerRoles: '' },
    });
    expect(invocation.depends_on).toEqual(
      expect.arrayContaining([expect.stringMatching(/^aws_iam_role_policy\.dns-ingest_role_policy_/)]),
    );
    const withRole = synthesizeIngest({ readerRoleArns: ['arn:aws:iam::111122223333:role/dns-reader'] });
    expect(onlyResourceOf(withRole, 'aws_lambda_invocation').triggers).toEqual({
      readerRoles: 'arn:aws:iam::111122223333:role/dns-reader',
    });
  });
});
