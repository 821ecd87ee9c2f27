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

/** Terraform names are the construct path joined with `_`, plus a hash. */
const withPath = (
  resources: Record<string, Record<string, unknown>>,
  pathPart: string,
): Record<string, unknown>[] =>
  Object.entries(resources)
    .filter(([name]) => name.includes(pathPart.replaceAll('/', '_')))
    .map(([, resource]) => resource);

export interface SynthesizedStatement {
  readonly Effect: string;
  readonly Action: string[];
  readonly Resource: string[];
  readonly Condition?: Record<string, unknown>;
}

/** The statements of the inline policy of the role whose construct path (within the stack) contains `pathPart`. */
export const grantedStatements = (
  synthesized: SynthesizedStack,
  pathPart: string,
): SynthesizedStatement[] => {
  const policies = withPath(resourcesOf(synthesized, 'aws_iam_role_policy'), pathPart);
  if (policies.length !== 1)
    throw new Error(`expected one role policy under ${pathPart}, found ${policies.length}`);
  return (JSON.parse(String(policies[0]?.policy)) as { Statement: SynthesizedStatement[] }).Statement;
};

/** Resources by construct path fragment, for stacks with several of a type. */
export const resourceAt = (
  synthesized: SynthesizedStack,
  type: string,
  pathPart: string,
): Record<string, unknown> => {
  const matches = withPath(resourcesOf(synthesized, type), pathPart);
  if (matches.length !== 1)
    throw new Error(`expected one ${type} under ${pathPart}, found ${matches.length}`);
  return matches[0] as Record<string, unknown>;
};
