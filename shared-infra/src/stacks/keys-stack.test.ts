import { describe, expect, it } from '@jest/globals';
import { Testing } from '@sec-an/constructs/cdktf';
import {
  accountRef,
  onlyResourceOf,
  partitionRef,
  publishedParameters,
  refTo,
  type SynthesizedStack,
  synthesize,
} from '@sec-an/constructs/testing';
import { testDeployment } from '../testing/synthesized.ts';
import { KeysStack } from './keys-stack.ts';

const synthesizeKeys = (): SynthesizedStack =>
  synthesize(new KeysStack(Testing.app(), 'keys', testDeployment));

interface KeyPolicyStatement {
  readonly Sid: string;
  readonly Principal: Record<string, string>;
  readonly Action: string | readonly string[];
  readonly Condition?: unknown;
}

const keyPolicy = (synthesized: SynthesizedStack): KeyPolicyStatement[] =>
  JSON.parse(onlyResourceOf(synthesized, 'aws_kms_key').policy as string).Statement;

describe('KeysStack', () => {
  it('creates one log key that rotates and waits 30 days before it is deleted', () => {
    expect(onlyResourceOf(synthesizeKeys(), 'aws_kms_key')).toMatchObject({
      enable_key_rotation: true,
      deletion_window_in_days: 30,
    });
  });

  it('lets the account administer the key through IAM', () => {
    expect(keyPolicy(synthesizeKeys())).toContainEqual({
      Sid: 'AccountAdministersThroughIam',
      Effect: 'Allow',
      Principal: { AWS: `arn:${partitionRef}:iam::${accountRef}:root` },
      Action: 'kms:*',
      Resource: '*',
    });
  });

  it("lets CloudWatch Logs use it for this account's log groups in this region only", () => {
    const logs = keyPolicy(synthesizeKeys()).find((statement) => statement.Sid.startsWith('CloudWatchLogs'));
    expect(logs?.Principal).toEqual({ Service: 'logs.eu-west-2.amazonaws.com' });
    expect(logs?.Condition).toEqual({
      ArnLike: {
        'kms:EncryptionContext:aws:logs:arn': `arn:${partitionRef}:logs:eu-west-2:${accountRef}:log-group:*`,
      },
    });
    expect(logs?.Action).not.toContain('kms:*');
  });

  it("lets S3 log delivery encrypt this account's access logs only", () => {
    const delivery = keyPolicy(synthesizeKeys()).find((statement) =>
      statement.Sid.startsWith('S3LogDelivery'),
    );
    expect(delivery).toMatchObject({
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: ['kms:GenerateDataKey'],
      Condition: { StringEquals: { 'aws:SourceAccount': accountRef } },
    });
  });

  it('names no wildcard principal', () => {
    for (const statement of keyPolicy(synthesizeKeys())) {
      expect(Object.values(statement.Principal)).not.toContain('*');
    }
  });

  it('publishes the key ARN and gives it an alias', () => {
    const synthesized = synthesizeKeys();
    expect(publishedParameters(synthesized)).toEqual({
      '/sec-an/test/shared-infra/log-key/arn': refTo(synthesized, 'aws_kms_key', 'arn'),
    });
    expect(onlyResourceOf(synthesized, 'aws_kms_alias').name).toBe('alias/sec-an-test-shared-infra-logs');
  });
});
