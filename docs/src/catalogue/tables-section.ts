import { code, list, markdownTable } from './markdown.ts';
import { describeTarget, type Publication, publicationsOf } from './resolve.ts';
import type { Block, SynthesizedStack } from './synthesized-stacks.ts';
import { blocksOf, componentName, resourceName, stackName } from './terraform.ts';

const keyOf = (table: Block, name: unknown): string => {
  const attributes = (table.attribute ?? []) as readonly { name: string; type: string }[];
  const type = attributes.find((attribute) => attribute.name === name)?.type ?? '?';
  return `${code(String(name))} (${type})`;
};

const keys = (table: Block): string =>
  table.range_key === undefined
    ? keyOf(table, table.hash_key)
    : `${keyOf(table, table.hash_key)}, ${keyOf(table, table.range_key)}`;

const ttl = (table: Block): string => {
  const setting = table.ttl as { enabled?: boolean; attribute_name?: string } | undefined;
  return setting?.enabled === true ? code(String(setting.attribute_name)) : '';
};

/** Environment variables, in any project's functions, that hold the table's name, with those functions. */
const variablesNaming = (
  publications: ReadonlyMap<string, Publication>,
  stacks: readonly SynthesizedStack[],
  name: string,
): string => {
  const functionsByVariable = new Map<string, string[]>();
  for (const stack of stacks) {
    for (const [, fn] of blocksOf(stack, 'aws_lambda_function')) {
      const variables =
        (fn.environment as { variables?: Record<string, string> } | undefined)?.variables ?? {};
      for (const [variable, value] of Object.entries(variables)) {
        if (!value.includes('${') || describeTarget(publications, stack, value) !== name) continue;
        functionsByVariable.set(variable, [
          ...(functionsByVariable.get(variable) ?? []),
          `${stack.project}: ${componentName(stack, fn)}`,
        ]);
      }
    }
  }
  return [...functionsByVariable]
    .map(([variable, functions]) => `${code(variable)} (${list(functions)})`)
    .sort()
    .join(', ');
};

/** Every DynamoDB table of the synthesized stacks, with the variables that hand its name to functions. */
export const tablesSection = (stacks: readonly SynthesizedStack[]): string => {
  const publications = publicationsOf(stacks);
  return markdownTable(
    ['table', 'key', 'stream', 'TTL', 'name given to functions as', 'declared in'],
    stacks.flatMap((stack) =>
      blocksOf(stack, 'aws_dynamodb_table').map(([, table]) => {
        const name = resourceName(stack, table);
        return [
          code(name),
          keys(table),
          table.stream_enabled === true ? String(table.stream_view_type) : '',
          ttl(table),
          variablesNaming(publications, stacks, name),
          stackName(stack),
        ];
      }),
    ),
  );
};
