import { describe, expect, it } from '@jest/globals';
import { benchLine } from './bench-line.ts';

describe('a bench line', () => {
  it('states the figure and its ratio to the reference', () => {
    expect(
      benchLine({ id: 'init.x', value: 30, unit: 'ms', reference: { id: 'init.empty-module', value: 12 } }),
    ).toBe('BENCH init.x value=30 unit=ms ref=init.empty-module ref_value=12 ratio=2.500');
  });

  it('omits the reference part for a figure without one', () => {
    expect(benchLine({ id: 'zip.x', value: 1024, unit: 'bytes' })).toBe('BENCH zip.x value=1024 unit=bytes');
  });
});
