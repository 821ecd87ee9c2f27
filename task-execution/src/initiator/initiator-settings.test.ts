import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '@sec-an/runtime/errors';
import { initiatorEnvironmentVariables, initiatorSettingsFromEnvironment } from './initiator-settings.ts';

const environment = {
  SEC_AN_DELAY_QUEUE_URL: 'https://sqs.eu-west-2.amazonaws.com/123456789012/delay',
  SEC_AN_ADDRESSES_TABLE: 'a',
  SEC_AN_DNS_INGESTS_TABLE: 'i',
  SEC_AN_SCAN_PLAN_TABLE: 'p',
  SEC_AN_SCAN_PLANS_TABLE: 'ps',
};

describe('the initiator settings', () => {
  it('come from the variables the stack sets, and the list of them says which', () => {
    expect(initiatorSettingsFromEnvironment(environment)).toEqual({
      delayQueueUrl: environment.SEC_AN_DELAY_QUEUE_URL,
      addressesTable: 'a',
      dnsIngestsTable: 'i',
      scanPlanTable: 'p',
      scanPlansTable: 'ps',
    });
    expect([...initiatorEnvironmentVariables].sort()).toEqual(Object.keys(environment).sort());
  });

  it('name the variable that is missing', () => {
    const { SEC_AN_DELAY_QUEUE_URL: _, ...withoutQueue } = environment;
    expect(() => initiatorSettingsFromEnvironment(withoutQueue)).toThrow(ConfigurationError);
    expect(() => initiatorSettingsFromEnvironment(withoutQueue)).toThrow(/SEC_AN_DELAY_QUEUE_URL is not set/);
    expect(() => initiatorSettingsFromEnvironment({ ...environment, SEC_AN_SCAN_PLAN_TABLE: '' })).toThrow(
      /SEC_AN_SCAN_PLAN_TABLE is not set: the stack gives the initiator the scan-plan table's name/,
    );
  });
});
