import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import {
  allGrantedStatements,
  grantedStatements,
  onlyResourceOf,
  referencedParameter,
  refTo,
  resourcesOf,
  resourceWhere,
  type SynthesizedStack,
  starGrants,
  synthesize,
  testStack,
} from '@sec-an/constructs/testing';
import { Task } from './task.ts';
import { resultsOf } from './topic-source.ts';

const entry = (name: string) => fileURLToPath(new URL(`./test-handlers/${name}.ts`, import.meta.url));
const prefix = 'sec-an-test-ssl-scanner';

/** A secondary scanner: TLS scans of the ports nmap found speaking TLS, its results kept out of the ingest. */
const synthesizeTls = (): SynthesizedStack => {
  const stack = testStack({ project: 'ssl-scanner' });
  new Task(stack, 'tls', {
    name: 'tls',
    input: { source: resultsOf('nmap-scanner', 'nmap'), filterPolicy: { tls: ['true'] }, maxReceiveCount: 2 },
    scan: { entry: entry('probe-scan'), timeoutSeconds: 120, environment: { TLS_PROBE: 'on' } },
    parser: { entry: entry('probe-parser'), batchSize: 2 },
    rawResults: { expirationDays: 400, transitions: [{ storageClass: 'GLACIER_IR', days: 90 }] },
    ingestResults: false,
  });
  return synthesize(stack);
};

const queueArn = (synthesized: SynthesizedStack, name: string): string =>
  refTo(synthesized, 'aws_sqs_queue', 'arn', (queue) => queue.name === `${prefix}-${name}`);

const functionArn = (synthesized: SynthesizedStack, name: string): string =>
  refTo(synthesized, 'aws_lambda_function', 'arn', (fn) => fn.function_name === `${prefix}-${name}`);

describe('Task (a scan function)', () => {
  const synthesized = synthesizeTls();

  it("subscribes its input queue to another project's results topic, read from SSM, with the filter policy", () => {
    const topic = referencedParameter(synthesized, '/sec-an/test/nmap-scanner/nmap-results-topic/arn');
    expect(
      resourceWhere(
        synthesized,
        'aws_sns_topic_subscription',
        (subscription) => subscription.endpoint === queueArn(synthesized, 'tls-queue'),
      ),
    ).toMatchObject({
      topic_arn: topic,
      raw_message_delivery: true,
      filter_policy: JSON.stringify({ tls: ['true'] }),
    });
    expect(() =>
      referencedParameter(synthesized, '/sec-an/test/task-execution/scan-request-topic/arn'),
    ).toThrow('reads no SSM parameter');
  });

  it('runs the scan function from the input queue one request at a time, with the task in its environment', () => {
    expect(
      resourceWhere(
        synthesized,
        'aws_lambda_event_source_mapping',
        (mapping) => mapping.event_source_arn === queueArn(synthesized, 'tls-queue'),
      ),
    ).toMatchObject({
      function_name: functionArn(synthesized, 'tls-scan'),
      batch_size: 1,
      scaling_config: { maximum_concurrency: 2 },
    });
    const scan = resourceWhere(
      synthesized,
      'aws_lambda_function',
      (fn) => fn.function_name === `${prefix}-tls-scan`,
    );
    expect(scan.timeout).toBe(120);
    expect((scan.environment as { variables: Record<string, string> }).variables).toMatchObject({
      TLS_PROBE: 'on',
      SEC_AN_TASK_NAME: 'tls',
      SEC_AN_RESULTS_BUCKET: refTo(synthesized, 'aws_s3_bucket', 'bucket'),
    });
  });

  it('lets the scan function consume its queue, read the scope and write raw/ only', () => {
    const bucketArn = refTo(synthesized, 'aws_s3_bucket', 'arn');
    const statements = grantedStatements(synthesized, 'tls_scan_role').filter(
      (statement) => !statement.Action.some((action) => /^(logs|xray|kms):/.test(action)),
    );
    expect(statements).toEqual([
      expect.objectContaining({ Action: expect.arrayContaining(['sqs:ReceiveMessage']) }),
      {
        Effect: 'Allow',
        Action: ['sqs:GetQueueUrl', 'sqs:SendMessage'],
        Resource: [queueArn(synthesized, 'tls-queue-dlq')],
      },
      {
        Effect: 'Allow',
        Action: ['s3:PutObject', 's3:AbortMultipartUpload'],
        Resource: [`${bucketArn}/raw/*`],
      },
      {
        Effect: 'Allow',
        Action: ['ssm:GetParameter'],
        Resource: [expect.stringContaining(':parameter/sec-an/test/task-execution/scan-scope/definition')],
      },
    ]);
  });

  it("keeps a secondary scanner's parser off the addresses table and its results out of the ingest", () => {
    const parserActions = grantedStatements(synthesized, 'tls_parser_role').flatMap(
      (statement) => statement.Action,
    );
    expect(parserActions).not.toContain('dynamodb:UpdateItem');
    expect(
      Object.values(resourcesOf(synthesized, 'aws_sns_topic_subscription')).map(
        (subscription) => subscription.endpoint,
      ),
    ).toEqual([queueArn(synthesized, 'tls-queue')]);
  });

  it('applies the raw-results lifecycle it is given', () => {
    const [rule] = onlyResourceOf(synthesized, 'aws_s3_bucket_lifecycle_configuration').rule as Record<
      string,
      unknown
    >[];
    expect(rule).toMatchObject({
      expiration: [{ days: 400 }],
      transition: [{ days: 90, storage_class: 'GLACIER_IR' }],
    });
  });

  it('gives the input queue the dead-letter threshold it is given', () => {
    const queue = resourceWhere(
      synthesized,
      'aws_sqs_queue',
      (resource) => resource.name === `${prefix}-tls-queue`,
    );
    expect(JSON.parse(String(queue.redrive_policy)).maxReceiveCount).toBe(2);
  });

  it('grants no restrictable action on every resource, to any role', () => {
    expect(starGrants(allGrantedStatements(synthesized))).toEqual([]);
  });
});
