import { describe, expect, it } from '@jest/globals';
import { resolveFargateSize, validateFargateSize } from './fargate-size.ts';

describe('Fargate task sizes', () => {
  it('defaults to one vCPU and 2 GiB on ARM64', () => {
    expect(resolveFargateSize({})).toEqual({ cpu: 1024, memoryMiB: 2048, cpuArchitecture: 'ARM64' });
    expect(validateFargateSize({})).toEqual([]);
  });

  it.each([
    [256, 512],
    [256, 2048],
    [512, 4096],
    [2048, 16_384],
    [4096, 30_720],
    [8192, 61_440],
    [16_384, 122_880],
  ])('accepts cpu %i with %i MiB', (cpu, memoryMiB) => {
    expect(validateFargateSize({ cpu, memoryMiB })).toEqual([]);
  });

  it.each([
    [256, 4096],
    [512, 512],
    [4096, 31_744],
    [8192, 18_432],
    [16_384, 36_864],
  ])('refuses cpu %i with %i MiB', (cpu, memoryMiB) => {
    expect(validateFargateSize({ cpu, memoryMiB })).toEqual([
      expect.stringMatching(new RegExp(`^memoryMiB ${memoryMiB} does not go with cpu ${cpu}: one of `)),
    ]);
  });

  it('refuses a CPU Fargate does not offer', () => {
    expect(validateFargateSize({ cpu: 768 })).toEqual([
      'cpu 768 is not a Fargate size: one of 256, 512, 1024, 2048, 4096, 8192, 16384',
    ]);
  });
});
