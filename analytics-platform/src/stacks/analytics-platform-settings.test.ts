import { describe, expect, it } from '@jest/globals';
import { analyticsPlatformSettingsFrom } from './analytics-platform-settings.ts';

describe('analyticsPlatformSettingsFrom', () => {
  it('leaves every unset setting to the stacks', () => {
    expect(analyticsPlatformSettingsFrom({})).toEqual({ searchDomain: {} });
  });

  it('reads the search domain size', () => {
    expect(
      analyticsPlatformSettingsFrom({
        SEC_AN_SEARCH_INSTANCE_TYPE: 'r7g.large.search',
        SEC_AN_SEARCH_INSTANCE_COUNT: '2',
        SEC_AN_SEARCH_VOLUME_GB: ' 50 ',
        SEC_AN_SEARCH_SNAPSHOT_HOUR: '0',
      }),
    ).toEqual({
      searchDomain: {
        instanceType: 'r7g.large.search',
        instanceCount: 2,
        volumeSizeGb: 50,
        snapshotStartHour: 0,
      },
    });
  });

  it('refuses a number that is not one', () => {
    expect(() => analyticsPlatformSettingsFrom({ SEC_AN_SEARCH_INSTANCE_COUNT: 'two' })).toThrow(
      'SEC_AN_SEARCH_INSTANCE_COUNT="two" is not a whole number',
    );
  });
});
