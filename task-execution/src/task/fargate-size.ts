/** The CPU architectures Fargate runs. */
export type CpuArchitecture = 'ARM64' | 'X86_64';

export interface FargateSizeProps {
  /** CPU units (1024 = one vCPU): 256, 512, 1024, 2048, 4096, 8192 or 16384. Default: 1024. */
  readonly cpu?: number;
  /** Memory in MiB, within what Fargate allows for the CPU. Default: 2048. */
  readonly memoryMiB?: number;
  /** Default: ARM64, as the functions (ADR 0008): the same work for less; the image must be built for it. */
  readonly cpuArchitecture?: CpuArchitecture;
}

export const defaultFargateSize = { cpu: 1024, memoryMiB: 2048, cpuArchitecture: 'ARM64' } as const;

const gib = 1024;
const range = (from: number, to: number, step: number): number[] =>
  Array.from({ length: (to - from) / step + 1 }, (_, index) => from + index * step);

/** Fargate's CPU and memory combinations (Amazon ECS developer guide, task size). */
export const fargateMemoryChoices: Readonly<Record<number, readonly number[]>> = {
  256: [512, 1 * gib, 2 * gib],
  512: range(1 * gib, 4 * gib, gib),
  1024: range(2 * gib, 8 * gib, gib),
  2048: range(4 * gib, 16 * gib, gib),
  4096: range(8 * gib, 30 * gib, gib),
  8192: range(16 * gib, 60 * gib, 4 * gib),
  16384: range(32 * gib, 120 * gib, 8 * gib),
};

export const resolveFargateSize = (props: FargateSizeProps): Required<FargateSizeProps> => ({
  cpu: props.cpu ?? defaultFargateSize.cpu,
  memoryMiB: props.memoryMiB ?? defaultFargateSize.memoryMiB,
  cpuArchitecture: props.cpuArchitecture ?? defaultFargateSize.cpuArchitecture,
});

export const validateFargateSize = (props: FargateSizeProps): string[] => {
  const { cpu, memoryMiB } = resolveFargateSize(props);
  const choices = fargateMemoryChoices[cpu];
  if (choices === undefined) {
    return [`cpu ${cpu} is not a Fargate size: one of ${Object.keys(fargateMemoryChoices).join(', ')}`];
  }
  if (!choices.includes(memoryMiB)) {
    return [`memoryMiB ${memoryMiB} does not go with cpu ${cpu}: one of ${choices.join(', ')}`];
  }
  return [];
};
