import { type App, Testing } from '../cdktf/index.ts';
import { ServiceStack, type ServiceStackProps } from '../service-stack/index.ts';

/** A synthesized stack as Terraform JSON, the shape every construct test asserts on. */
export interface SynthesizedStack {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly provider?: Record<string, unknown>;
  readonly terraform?: Record<string, unknown>;
}

export const testStack = (props: Partial<ServiceStackProps> = {}): ServiceStack =>
  new ServiceStack(Testing.app() as App, 'test', { project: 'test-project', stage: 'test', ...props });

/** Synthesizes with validations on, as `cdktf synth` does. */
export const synthesize = (stack: ServiceStack): SynthesizedStack =>
  JSON.parse(Testing.synth(stack, true)) as SynthesizedStack;

/** The resources of one type, by their Terraform name. */
export const resourcesOf = (
  synthesized: SynthesizedStack,
  type: string,
): Record<string, Record<string, unknown>> => synthesized.resource?.[type] ?? {};

export const onlyResourceOf = (synthesized: SynthesizedStack, type: string): Record<string, unknown> => {
  const all = Object.values(resourcesOf(synthesized, type));
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0] as Record<string, unknown>;
};
