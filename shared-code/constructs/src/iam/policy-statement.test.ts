import { describe, expect, it } from '@jest/globals';
import { policyDocument, validateStatement } from './policy-statement.ts';

describe('policy statements', () => {
  it('accept "*" only for actions that take no resource', () => {
    expect(validateStatement({ actions: ['xray:PutTraceSegments'], resources: ['*'] })).toEqual([]);
    expect(
      validateStatement({ actions: ['xray:PutTraceSegments', 'sqs:SendMessage'], resources: ['*'] }),
    ).toEqual(['sqs:SendMessage on resource "*"']);
  });

  it('refuse wildcard actions and empty statements', () => {
    expect(validateStatement({ actions: ['s3:*'], resources: ['arn:aws:s3:::b/*'] })).toEqual([
      'wildcard action s3:*',
    ]);
    expect(validateStatement({ actions: [], resources: [] })).toEqual([
      'a statement has no actions',
      ': no resources',
    ]);
  });

  it('render as an IAM policy document with conditions', () => {
    expect(
      JSON.parse(
        policyDocument([
          {
            actions: ['sns:Publish'],
            resources: ['arn:t'],
            conditions: { Bool: { 'aws:SecureTransport': 'true' } },
          },
        ]),
      ),
    ).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['sns:Publish'],
          Resource: ['arn:t'],
          Condition: { Bool: { 'aws:SecureTransport': 'true' } },
        },
      ],
    });
  });
});
