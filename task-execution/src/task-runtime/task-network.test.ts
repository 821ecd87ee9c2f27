import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '@sec-an/runtime/errors';
import { subnetIdsOf, subnetTierOf } from './task-network.ts';

describe('the task network settings', () => {
  const saved = process.env.SEC_AN_STAGE;
  beforeAll(() => {
    process.env.SEC_AN_STAGE = 'dev';
  });
  afterAll(() => {
    process.env.SEC_AN_STAGE = saved;
  });

  it('reads the tier task-execution publishes, and refuses any other', () => {
    expect(subnetTierOf('private')).toBe('private');
    expect(subnetTierOf(' public\n')).toBe('public');
    expect(() => subnetTierOf('isolated')).toThrow(
      new ConfigurationError(
        'SSM parameter /sec-an/dev/task-execution/task-subnets/tier is "isolated"; it must be one of public, private',
      ),
    );
  });

  it("reads shared-infra's comma-separated subnet ids, and refuses an empty list", () => {
    expect(subnetIdsOf('private', 'subnet-a, subnet-b,')).toEqual(['subnet-a', 'subnet-b']);
    expect(() => subnetIdsOf('public', ' , ')).toThrow(
      'SSM parameter /sec-an/dev/shared-infra/public-subnets/ids lists no subnet',
    );
  });
});
