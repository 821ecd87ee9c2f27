import { describe, expect, it } from '@jest/globals';
import { SharedInfraSettingsError, sharedInfraSettingsFrom } from './shared-infra-settings.ts';

describe('sharedInfraSettingsFrom', () => {
  it('leaves every stack to its defaults when nothing is set', () => {
    expect(sharedInfraSettingsFrom({ SEC_AN_STAGE: 'dev', SEC_AN_NAT_GATEWAYS: '' })).toEqual({
      network: {},
      identity: {},
      api: {},
      deadLetters: {},
    });
  });

  it('reads every setting the README lists', () => {
    expect(
      sharedInfraSettingsFrom({
        SEC_AN_AVAILABILITY_ZONE_COUNT: '3',
        SEC_AN_AVAILABILITY_ZONES: 'eu-west-2a, eu-west-2b,eu-west-2c',
        SEC_AN_VPC_CIDR: '10.1.0.0/16',
        SEC_AN_NAT_GATEWAYS: 'per-zone',
        SEC_AN_THREAT_PROTECTION: 'audit',
        SEC_AN_DASHBOARDS_CALLBACK_URLS: 'https://a.example/,https://b.example/',
        SEC_AN_USER_POOL_DELETION_PROTECTION: 'false',
        SEC_AN_API_STAGE_NAME: 'live',
        SEC_AN_API_RATE_LIMIT: '300',
        SEC_AN_MANAGE_API_GATEWAY_LOGGING_ROLE: 'false',
        SEC_AN_DEAD_LETTER_EXPIRATION_DAYS: '200',
        SEC_AN_ACCESS_LOG_EXPIRATION_DAYS: '90',
      }),
    ).toEqual({
      network: {
        availabilityZoneCount: 3,
        availabilityZoneNames: ['eu-west-2a', 'eu-west-2b', 'eu-west-2c'],
        cidrBlock: '10.1.0.0/16',
        natGateways: 'per-zone',
      },
      identity: {
        threatProtection: 'audit',
        dashboardsCallbackUrls: ['https://a.example/', 'https://b.example/'],
        deletionProtection: false,
      },
      api: { stageName: 'live', rateLimitPerFiveMinutes: 300, manageAccountLoggingRole: false },
      deadLetters: { deadLetterExpirationDays: 200, accessLogExpirationDays: 90 },
    });
  });

  it.each([
    ['SEC_AN_AVAILABILITY_ZONE_COUNT', 'two', 'is not a whole number'],
    ['SEC_AN_NAT_GATEWAYS', 'always', 'must be one of none, single, per-zone'],
    ['SEC_AN_THREAT_PROTECTION', 'on', 'must be one of enforced, audit, off'],
    ['SEC_AN_MANAGE_API_GATEWAY_LOGGING_ROLE', 'yes', 'must be true or false'],
  ])('names the setting at fault: %s=%s', (name, value, message) => {
    const read = () => sharedInfraSettingsFrom({ [name]: value });
    expect(read).toThrow(SharedInfraSettingsError);
    expect(read).toThrow(`${name}="${value}" ${message}`);
  });
});
