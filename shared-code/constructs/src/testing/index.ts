import { type App, Testing } from '../cdktf/index.ts';
import { unrestrictableActions } from '../iam/index.ts';
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

/** How a synthesized stack refers to the account and partition it deploys into. */
export const accountRef = `\${data.aws_caller_identity.caller-identity.account_id}`;
export const partitionRef = `\${data.aws_partition.partition.partition}`;

type Match = (resource: Record<string, unknown>) => boolean;

const matchingIds = (synthesized: SynthesizedStack, type: string, matches: Match): string[] =>
  Object.entries(resourcesOf(synthesized, type))
    .filter(([, resource]) => matches(resource))
    .map(([id]) => id);

/** The one resource of `type` that `matches`; fails the test if there are none or several. */
export const resourceWhere = (
  synthesized: SynthesizedStack,
  type: string,
  matches: Match,
): Record<string, unknown> => {
  const ids = matchingIds(synthesized, type, matches);
  if (ids.length !== 1) throw new Error(`expected one matching ${type}, found ${ids.length}`);
  return resourcesOf(synthesized, type)[ids[0] as string] as Record<string, unknown>;
};

/** The Terraform expression of an attribute of the one resource of `type` that `matches`. */
export const refTo = (
  synthesized: SynthesizedStack,
  type: string,
  attribute: string,
  matches: Match = () => true,
): string => {
  const ids = matchingIds(synthesized, type, matches);
  if (ids.length !== 1) throw new Error(`expected one matching ${type}, found ${ids.length}`);
  return `\${${type}.${ids[0]}.${attribute}}`;
};

/** The SSM parameters a stack publishes, name to value. */
export const publishedParameters = (synthesized: SynthesizedStack): Record<string, unknown> =>
  Object.fromEntries(
    Object.values(resourcesOf(synthesized, 'aws_ssm_parameter')).map((parameter) => [
      parameter.name,
      parameter.value,
    ]),
  );

/** The deploy-time value of the SSM parameter `name` the stack reads; fails if it does not read it. */
export const referencedParameter = (synthesized: SynthesizedStack, name: string): string => {
  const entry = Object.entries(synthesized.data?.aws_ssm_parameter ?? {}).find(
    ([, parameter]) => parameter.name === name,
  );
  if (entry === undefined) throw new Error(`the stack reads no SSM parameter ${name}`);
  return `\${data.aws_ssm_parameter.${entry[0]}.value}`;
};

/** Every statement of every inline role policy of the stack. */
export const allGrantedStatements = (synthesized: SynthesizedStack): SynthesizedStatement[] =>
  Object.values(resourcesOf(synthesized, 'aws_iam_role_policy')).flatMap(
    (policy) => (JSON.parse(policy.policy as string) as { Statement: SynthesizedStatement[] }).Statement,
  );

/** Statements that allow a restrictable action on every resource: least-privilege failures. */
export const starGrants = (statements: readonly SynthesizedStatement[]): SynthesizedStatement[] =>
  statements.filter(
    (statement) =>
      statement.Resource.includes('*') &&
      statement.Action.some((action) => !unrestrictableActions.has(action)),
  );
