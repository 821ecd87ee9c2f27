import { describe, expect, it } from '@jest/globals';
import { onlyResourceOf, referencedParameter, synthesize, testStack } from '../testing/index.ts';
import { EncryptedLogGroup } from './encrypted-log-group.ts';

describe('EncryptedLogGroup', () => {
  it('is encrypted with the log key shared-infra publishes and kept for a year', () => {
    const stack = testStack();
    new EncryptedLogGroup(stack, 'audit', { name: '/aws/opensearch/test/audit' });
    const synthesized = synthesize(stack);
    expect(onlyResourceOf(synthesized, 'aws_cloudwatch_log_group')).toMatchObject({
      name: '/aws/opensearch/test/audit',
      retention_in_days: 365,
      kms_key_id: referencedParameter(synthesized, '/sec-an/test/shared-infra/log-key/arn'),
    });
  });
});
