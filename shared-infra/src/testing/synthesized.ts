import { unrestrictableActions } from '@sec-an/constructs/iam';
import { resourcesOf, type SynthesizedStack } from '@sec-an/constructs/testing';

/** Every stack under test deploys to stage `test` with the default app and region. */
export const testDeployment = { stage: 'test' } as const;

/** How a synthesized stack refers to the account and partition it deploys into. */
export const accountRef = `\${data.aws_caller_identity.caller-identity.account_id}`;
export const partitionRef = `\${data.aws_partition.partition.partition}`;

type Resource = Record<string, unknown>;
type Match = (resource: Resource) => boolean;

const matchingIds = (synthesized: SynthesizedStack, type: string, matches: Match): string[] =>
  Object.entries(resourcesOf(synthesized, type))
    .filter(([, resource]) => matches(resource))
    .map(([id]) => id);

/** The one resource of `type` that `matches`; fails the test if there are none or several. */
export const resourceWhere = (synthesized: SynthesizedStack, type: string, matches: Match): Resource => {
  const ids = matchingIds(synthesized, type, matches);
  if (ids.length !== 1) throw new Error(`expected one matching ${type}, found ${ids.length}`);
  return resourcesOf(synthesized, type)[ids[0] as string] as Resource;
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

export interface RenderedStatement {
  readonly Effect: string;
  readonly Action: readonly string[];
  readonly Resource: readonly string[];
  readonly Condition?: unknown;
}

/** Every statement of every inline role policy of the stack. */
export const grantedStatements = (synthesized: SynthesizedStack): RenderedStatement[] =>
  Object.values(resourcesOf(synthesized, 'aws_iam_role_policy')).flatMap(
    (policy) => (JSON.parse(policy.policy as string) as { Statement: RenderedStatement[] }).Statement,
  );

/** Statements that allow a restrictable action on every resource: least-privilege failures. */
export const starGrants = (statements: readonly RenderedStatement[]): RenderedStatement[] =>
  statements.filter(
    (statement) =>
      statement.Resource.includes('*') &&
      statement.Action.some((action) => !unrestrictableActions.has(action)),
  );
