import { describe, expect, it } from '@jest/globals';
import { Testing } from '@sec-an/constructs/cdktf';
import {
  allGrantedStatements,
  grantedStatements,
  publishedParameters,
  referencedParameter,
  refTo,
  resourceWhere,
  starGrants,
  synthesize,
} from '@sec-an/constructs/testing';
import { TlsTaskStack } from './tls-task-stack.ts';

const synthesized = synthesize(new TlsTaskStack(Testing.app(), 'task', { stage: 'test' }));
const prefix = 'sec-an-test-ssl-scanner-ssl-scanner';
const queueArn = (name: string) =>
  refTo(synthesized, 'aws_sqs_queue', 'arn', (queue) => queue.name === `${prefix}-${name}`);

describe('the TLS task stack', () => {
  it("subscribes the input queue to nmap's results, port findings of TLS ports only, by raw delivery", () => {
    expect(
      resourceWhere(
        synthesized,
        'aws_sns_topic_subscription',
        (subscription) => subscription.endpoint === queueArn('queue'),
      ),
    ).toMatchObject({
      topic_arn: referencedParameter(synthesized, '/sec-an/test/nmap-scanner/nmap-scanner-results-topic/arn'),
      raw_message_delivery: true,
      filter_policy: JSON.stringify({ contract: ['port-finding'], tls: ['true'] }),
      filter_policy_scope: 'MessageAttributes',
    });
  });

  it('publishes the input queue, to which direct tls-scan-requests are sent', () => {
    expect(publishedParameters(synthesized)).toMatchObject({
      '/sec-an/test/ssl-scanner/ssl-scanner-queue/url': expect.stringContaining('aws_sqs_queue'),
    });
  });

  it('runs the scan handler one endpoint per invocation, within ten minutes', () => {
    const scan = resourceWhere(
      synthesized,
      'aws_lambda_function',
      (fn) => fn.function_name === `${prefix}-scan`,
    );
    expect(scan).toMatchObject({ timeout: 600, memory_size: 512 });
    expect((scan.environment as { variables: Record<string, string> }).variables).toMatchObject({
      SEC_AN_TASK_NAME: 'ssl-scanner',
      SEC_AN_RESULTS_BUCKET: refTo(synthesized, 'aws_s3_bucket', 'bucket'),
    });
    expect(
      resourceWhere(
        synthesized,
        'aws_lambda_event_source_mapping',
        (mapping) => mapping.event_source_arn === queueArn('queue'),
      ),
    ).toMatchObject({ batch_size: 1 });
  });

  it("lets the scan function read the scope and an address's names, and write raw/ only", () => {
    const bucketArn = refTo(synthesized, 'aws_s3_bucket', 'arn');
    const statements = grantedStatements(synthesized, 'tls_scan_role').filter(
      (statement) => !statement.Action.some((action) => /^(logs|xray|kms|sqs):/.test(action)),
    );
    expect(statements).toEqual([
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
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetItem'],
        Resource: [referencedParameter(synthesized, '/sec-an/test/task-execution/addresses-table/arn')],
      },
      {
        Effect: 'Allow',
        Action: ['ssm:GetParameter'],
        Resource: [expect.stringContaining(':parameter/sec-an/test/task-execution/addresses-table/name')],
      },
    ]);
  });

  it('runs the parser on each raw object with the certificates table, which it may only update', () => {
    const parser = resourceWhere(
      synthesized,
      'aws_lambda_function',
      (fn) => fn.function_name === `${prefix}-parser`,
    );
    expect((parser.environment as { variables: Record<string, string> }).variables).toMatchObject({
      SEC_AN_CERTIFICATES_TABLE: refTo(synthesized, 'aws_dynamodb_table', 'name'),
      SEC_AN_RESULTS_TOPIC_ARN: refTo(synthesized, 'aws_sns_topic', 'arn'),
    });
    const tableGrants = grantedStatements(synthesized, 'tls_parser_role').filter((statement) =>
      statement.Action.some((action) => action.startsWith('dynamodb:')),
    );
    expect(tableGrants).toEqual([
      {
        Effect: 'Allow',
        Action: ['dynamodb:UpdateItem'],
        Resource: [refTo(synthesized, 'aws_dynamodb_table', 'arn')],
      },
    ]);
  });

  it("publishes the organisation's trust anchors (none by default) for the parser alone to read at call time", () => {
    expect(publishedParameters(synthesized)['/sec-an/test/ssl-scanner/trust-anchors/definition']).toBe(
      '{"roots":[]}',
    );
    const reads = grantedStatements(synthesized, 'tls_parser_role').filter((statement) =>
      statement.Resource.some((resource) => resource.endsWith('/ssl-scanner/trust-anchors/definition')),
    );
    expect(reads).toEqual([expect.objectContaining({ Action: ['ssm:GetParameter'] })]);
    expect(
      grantedStatements(synthesized, 'tls_scan_role').filter((statement) =>
        statement.Resource.some((resource) => resource.includes('trust-anchors')),
      ),
    ).toEqual([]);
  });

  it("keeps the certificates table by fingerprint, encrypted with task-execution's table key, recoverable", () => {
    expect(resourceWhere(synthesized, 'aws_dynamodb_table', () => true)).toMatchObject({
      name: 'sec-an-test-ssl-scanner-certificates',
      hash_key: 'fingerprintSha256',
      billing_mode: 'PAY_PER_REQUEST',
      point_in_time_recovery: { enabled: true },
      deletion_protection_enabled: true,
      server_side_encryption: {
        enabled: true,
        kms_key_arn: referencedParameter(synthesized, '/sec-an/test/task-execution/table-key/arn'),
      },
    });
  });

  it('grants no restrictable action on every resource, to any role', () => {
    expect(starGrants(allGrantedStatements(synthesized))).toEqual([]);
  });
});
