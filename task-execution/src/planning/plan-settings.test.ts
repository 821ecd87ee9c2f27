import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '@sec-an/runtime/errors';
import { defaultPlanSettings, validatePlanSettings } from './index.ts';

const raw = (periodSeconds: string, buckets: string) => ({ periodSeconds, buckets });

describe('plan settings', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.SEC_AN_STAGE = 'dev';
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('accept the default day of 96 quarter-hours', () => {
    expect(
      validatePlanSettings(
        raw(String(defaultPlanSettings.periodSeconds), String(defaultPlanSettings.buckets)),
      ),
    ).toEqual({ periodSeconds: 86_400, buckets: 96, bucketSeconds: 900 });
  });

  it('accept buckets from one to fifteen minutes', () => {
    expect(validatePlanSettings(raw('3600', '60')).bucketSeconds).toBe(60);
    expect(validatePlanSettings(raw('604800', '672')).bucketSeconds).toBe(900);
    expect(validatePlanSettings(raw('120', '1')).bucketSeconds).toBe(120);
  });

  it.each([
    ['86400.5', '96'],
    ['-86400', '96'],
    ['0', '96'],
    ['', '96'],
    [' 86400', '96'],
    ['1e5', '96'],
    ['0x15180', '96'],
    ['8640000000000000000', '96'],
  ])('refuse the period "%s", naming its parameter and value', (period, buckets) => {
    const validate = () => validatePlanSettings(raw(period, buckets));
    expect(validate).toThrow(ConfigurationError);
    expect(validate).toThrow(
      `SSM parameter /sec-an/dev/task-execution/scan-plan/period-seconds holds "${period}": it must be a whole number of seconds`,
    );
  });

  it.each(['96.0', '0', '-1', 'ninety-six'])(
    'refuse the bucket count "%s", naming its parameter',
    (buckets) => {
      expect(() => validatePlanSettings(raw('86400', buckets))).toThrow(
        `SSM parameter /sec-an/dev/task-execution/scan-plan/buckets holds "${buckets}": it must be a whole number of buckets`,
      );
    },
  );

  it('refuse more buckets than the plan table keys can number', () => {
    expect(() => validatePlanSettings(raw('90000000', '100001'))).toThrow(
      'SSM parameter /sec-an/dev/task-execution/scan-plan/buckets holds "100001": at most 100000 buckets',
    );
  });

  it.each([
    ['86400', '48', '1800'],
    ['86400', '1', '86400'],
    ['86400', '2880', '30'],
    ['86400', '7', '12342.857'],
    ['1000', '3', '333.333'],
  ])(
    'refuse a period of %s s in %s buckets (%s s each), naming both parameters',
    (period, buckets, length) => {
      const validate = () => validatePlanSettings(raw(period, buckets));
      expect(validate).toThrow(ConfigurationError);
      expect(validate).toThrow(
        `SSM parameters /sec-an/dev/task-execution/scan-plan/period-seconds = "${period}" and ` +
          `/sec-an/dev/task-execution/scan-plan/buckets = "${buckets}" give buckets of ${length} s: ` +
          "a bucket must be a whole number of seconds from 60 to 900 (SQS's longest delay)",
      );
    },
  );
});
