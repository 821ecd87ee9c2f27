import { describe, expect, it } from '@jest/globals';
import { placeholderAttribute, placeholderAttributes } from './placeholders.ts';

const environment = { accountId: '123456789012', region: 'eu-west-2', partition: 'aws' };

describe('placeholderAttributes', () => {
  it('shapes ARNs and ids as AWS does, from the address and name only', () => {
    const role = placeholderAttributes('aws_iam_role', 'p/s/aws_iam_role.r', 'worker', {}, environment);
    const key = placeholderAttributes('aws_kms_key', 'p/s/aws_kms_key.k', 'k', {}, environment);
    const subnet = placeholderAttributes('aws_subnet', 'p/s/aws_subnet.a', 'a', {}, environment);

    expect(role).toMatchObject({
      arn: 'arn:aws:iam::123456789012:role/worker',
      id: 'worker',
      name: 'worker',
    });
    expect(key.arn).toMatch(/^arn:aws:kms:eu-west-2:123456789012:key\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
    expect(subnet.id).toMatch(/^subnet-[0-9a-f]{17}$/);
    expect(placeholderAttributes('aws_subnet', 'p/s/aws_subnet.a', 'a', {}, environment)).toEqual(subnet);
    expect(placeholderAttributes('aws_subnet', 'p/s/aws_subnet.b', 'b', {}, environment).id).not.toBe(
      subnet.id,
    );
  });

  it('falls back to a generic ARN for other types and keeps literal arguments readable', () => {
    const permission = placeholderAttributes(
      'aws_lambda_permission',
      'p/s/aws_lambda_permission.invoke',
      'invoke',
      { statement_id: 'invoke', action: 'lambda:InvokeFunction' },
      environment,
    );
    expect(permission).toMatchObject({
      arn: 'arn:aws:lambda:eu-west-2:123456789012:permission/invoke',
      action: 'lambda:InvokeFunction',
    });
  });
});

describe('placeholderAttribute', () => {
  it('makes up attributes the placeholder lacks: ARNs below its own, lists for list names, strings otherwise', () => {
    const attributes = { arn: 'arn:aws:es:eu-west-2:123456789012:domain/search' };
    expect(placeholderAttribute(attributes, 'search', ['kibana_arn'])).toBe(
      'arn:aws:es:eu-west-2:123456789012:domain/search/kibana_arn',
    );
    expect(placeholderAttribute(attributes, 'search', ['subnet_ids'])).toEqual(['search-subnet_ids']);
    expect(placeholderAttribute(attributes, 'search', ['endpoint'])).toBe('search-endpoint');
  });
});
