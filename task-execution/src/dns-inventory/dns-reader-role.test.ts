import { describe, expect, it } from '@jest/globals';
import { parseRoleArns } from './dns-reader-role.ts';
import { DnsReaderRoleParameterError } from './errors.ts';

const parameter = '/sec-an/test/task-execution/dns-reader/role-arn';

describe('DNS reader role parameter', () => {
  it('reads one role, several, or none', () => {
    expect(parseRoleArns('arn:aws:iam::111111111111:role/dns-reader', parameter)).toEqual([
      'arn:aws:iam::111111111111:role/dns-reader',
    ]);
    expect(
      parseRoleArns(
        ' arn:aws:iam::111111111111:role/dns-reader , arn:aws-us-gov:iam::222222222222:role/path/reader ',
        parameter,
      ),
    ).toEqual([
      'arn:aws:iam::111111111111:role/dns-reader',
      'arn:aws-us-gov:iam::222222222222:role/path/reader',
    ]);
    expect(parseRoleArns(undefined, parameter)).toEqual([]);
    expect(parseRoleArns('  ', parameter)).toEqual([]);
  });

  it.each([
    'dns-reader',
    'arn:aws:iam::1111:role/dns-reader',
    'arn:aws:iam::111111111111:user/dns-reader',
    'arn:aws:sts::111111111111:assumed-role/dns-reader/session',
  ])('refuses %s, naming the parameter and the value', (value) => {
    expect(() => parseRoleArns(value, parameter)).toThrow(DnsReaderRoleParameterError);
    expect(() => parseRoleArns(value, parameter)).toThrow(
      `${parameter} holds "${value}", which is not an IAM role ARN`,
    );
  });
});
