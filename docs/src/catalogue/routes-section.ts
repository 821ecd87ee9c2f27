import { code, markdownTable } from './markdown.ts';
import { describeTarget, type Publication, publicationsOf, withTargetsNamed } from './resolve.ts';
import type { Block, SynthesizedStack } from './synthesized-stacks.ts';
import { blockOf, blocksOf, referencesIn, resourceName, stackName } from './terraform.ts';

type Row = readonly string[];

const rowsOf = (
  stacks: readonly SynthesizedStack[],
  type: string,
  row: (stack: SynthesizedStack, block: Block) => Row,
): Row[] => stacks.flatMap((stack) => blocksOf(stack, type).map(([, block]) => row(stack, block)));

const subscriptions = (publications: ReadonlyMap<string, Publication>, stacks: readonly SynthesizedStack[]) =>
  markdownTable(
    ['topic', 'subscriber', 'filter policy', 'raw', 'declared in'],
    rowsOf(stacks, 'aws_sns_topic_subscription', (stack, block) => [
      code(describeTarget(publications, stack, block.topic_arn)),
      `${block.protocol} ${code(describeTarget(publications, stack, block.endpoint))}`,
      block.filter_policy === undefined
        ? 'none'
        : `${code(String(block.filter_policy))} on ${String(block.filter_policy_scope ?? 'MessageAttributes')}`,
      block.raw_message_delivery === true ? 'yes' : 'no',
      stackName(stack),
    ]),
  );

const ruleOf = (stack: SynthesizedStack, target: Block): Block | undefined => {
  const reference = referencesIn(target.rule).find(
    (candidate) => candidate.type === 'aws_cloudwatch_event_rule',
  );
  return reference === undefined ? undefined : blockOf(stack, reference);
};

const trigger = (publications: ReadonlyMap<string, Publication>, stack: SynthesizedStack, rule: Block) =>
  typeof rule.schedule_expression === 'string'
    ? `schedule ${code(rule.schedule_expression)}`
    : `events ${code(withTargetsNamed(publications, stack, String(rule.event_pattern ?? '')))}`;

const eventRules = (publications: ReadonlyMap<string, Publication>, stacks: readonly SynthesizedStack[]) =>
  markdownTable(
    ['rule', 'on', 'target', 'declared in'],
    rowsOf(stacks, 'aws_cloudwatch_event_target', (stack, target) => {
      const rule = ruleOf(stack, target) ?? {};
      return [
        code(resourceName(stack, rule)),
        trigger(publications, stack, rule),
        code(describeTarget(publications, stack, target.arn)),
        stackName(stack),
      ];
    }),
  );

const consumers = (publications: ReadonlyMap<string, Publication>, stacks: readonly SynthesizedStack[]) =>
  markdownTable(
    ['source', 'function', 'batch size', 'declared in'],
    rowsOf(stacks, 'aws_lambda_event_source_mapping', (stack, block) => [
      code(describeTarget(publications, stack, block.event_source_arn)),
      code(describeTarget(publications, stack, block.function_name)),
      String(block.batch_size ?? ''),
      stackName(stack),
    ]),
  );

/** How messages move between resources, from the synthesized stacks: subscriptions, rules, consumers. */
export const routesSection = (stacks: readonly SynthesizedStack[]): string => {
  const publications = publicationsOf(stacks);
  return [
    '#### Topic subscriptions',
    subscriptions(publications, stacks),
    '#### EventBridge rules',
    eventRules(publications, stacks),
    '#### Queue and stream consumers',
    consumers(publications, stacks),
  ].join('\n\n');
};
