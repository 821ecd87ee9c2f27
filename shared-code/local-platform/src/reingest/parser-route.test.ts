import { describe, expect, it } from '@jest/globals';
import { objectCreatedPrefix } from './parser-route.ts';
import { dayPrefixes } from './raw-objects.ts';

const rule = (pattern: unknown) => ({ Name: 'r', EventPattern: JSON.stringify(pattern) });
const taskPattern = (bucket: string) => ({
  source: ['aws.s3'],
  'detail-type': ['Object Created'],
  detail: { bucket: { name: [bucket] }, object: { key: [{ prefix: 'raw/' }] } },
});

describe('objectCreatedPrefix', () => {
  it("reads the prefix of the rule the Task construct writes for its bucket's new objects", () => {
    expect(objectCreatedPrefix(rule(taskPattern('lake')), 'lake')).toBe('raw/');
    expect(
      objectCreatedPrefix(rule({ ...taskPattern('lake'), detail: { bucket: { name: ['lake'] } } }), 'lake'),
    ).toBe('');
  });

  it("is not another bucket's rule, another event's, or a key condition it cannot read", () => {
    expect(objectCreatedPrefix(rule(taskPattern('other')), 'lake')).toBeUndefined();
    expect(
      objectCreatedPrefix(rule({ ...taskPattern('lake'), 'detail-type': ['Object Deleted'] }), 'lake'),
    ).toBeUndefined();
    const suffix = {
      ...taskPattern('lake'),
      detail: { bucket: { name: ['lake'] }, object: { key: [{ suffix: '.gz' }] } },
    };
    expect(objectCreatedPrefix(rule(suffix), 'lake')).toBeUndefined();
    expect(
      objectCreatedPrefix({ Name: 'schedule', ScheduleExpression: 'rate(1 day)' }, 'lake'),
    ).toBeUndefined();
  });
});

describe('dayPrefixes', () => {
  it('lists the day folders of the window, and the day before, since keys are dated by the scan start', () => {
    expect(
      dayPrefixes('raw/', {
        since: new Date('2026-11-21T00:00:00Z'),
        until: new Date('2026-11-22T00:00:00Z'),
      }),
    ).toEqual(['raw/2026/11/20/', 'raw/2026/11/21/']);
    expect(
      dayPrefixes('raw/', {
        since: new Date('2026-12-31T10:00:00Z'),
        until: new Date('2027-01-01T00:30:00Z'),
      }),
    ).toEqual(['raw/2026/12/30/', 'raw/2026/12/31/', 'raw/2027/01/01/']);
  });
});
