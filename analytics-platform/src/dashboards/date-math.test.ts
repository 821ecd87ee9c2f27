import { describe, expect, it } from '@jest/globals';
import { resolveDate } from './date-math.ts';

const now = new Date('2030-06-15T12:34:56.789Z');
const at = (text: string, roundUp = false) => resolveDate(text, now, roundUp).toISOString();

describe('resolveDate', () => {
  it('reads ISO times and date math from now', () => {
    expect(at('2030-01-02T03:04:05Z')).toBe('2030-01-02T03:04:05.000Z');
    expect(at('now')).toBe('2030-06-15T12:34:56.789Z');
    expect(at('now-7d')).toBe('2030-06-08T12:34:56.789Z');
    expect(at('now-1M+2h')).toBe('2030-05-15T14:34:56.789Z');
  });

  it('rounds down for the start of a range and up for its end, in UTC', () => {
    expect(at('now-1d/d')).toBe('2030-06-14T00:00:00.000Z');
    expect(at('now/d', true)).toBe('2030-06-15T23:59:59.999Z');
    expect(at('now/w')).toBe('2030-06-10T00:00:00.000Z');
    expect(at('now/y')).toBe('2030-01-01T00:00:00.000Z');
  });

  it('refuses what is neither', () => {
    expect(() => at('yesterday')).toThrow('"yesterday" is neither a time nor date math');
  });
});
