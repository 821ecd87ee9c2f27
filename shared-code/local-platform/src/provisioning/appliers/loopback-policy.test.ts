import { describe, expect, it } from '@jest/globals';
import { policyForLoopback } from './loopback-policy.ts';

const tlsOnly = {
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};
const grant = {
  Effect: 'Allow',
  Principal: { Service: 'logging.s3.amazonaws.com' },
  Action: 's3:PutObject',
  Resource: 'arn:aws:s3:::b/*',
};

describe('a bucket policy on the loopback endpoint', () => {
  it('leaves out the TLS-only statement, which would refuse every plain-HTTP request', () => {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [tlsOnly, grant] });
    expect(JSON.parse(policyForLoopback(policy) ?? '')).toEqual({
      Version: '2012-10-17',
      Statement: [grant],
    });
  });

  it('is not applied at all when the TLS-only statement was all of it', () => {
    expect(
      policyForLoopback(JSON.stringify({ Version: '2012-10-17', Statement: [tlsOnly] })),
    ).toBeUndefined();
  });

  it('keeps every other policy as written', () => {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: grant });
    expect(policyForLoopback(policy)).toBe(policy);
  });
});
