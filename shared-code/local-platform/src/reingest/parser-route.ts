import {
  EventBridgeClient,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  type Rule,
} from '@aws-sdk/client-eventbridge';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { SetupError } from '../errors/index.ts';

/** How a bucket's new objects reach its parser: the rule that selects their events, and the queues it feeds. */
export interface ParserRoute {
  readonly ruleName: string;
  /** The key prefix the rule selects (empty: every key). */
  readonly keyPrefix: string;
  readonly queueArns: readonly string[];
}

const listedValues = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;

/** The prefix of the rule's `detail.object.key` condition, `''` without one, undefined for a condition it cannot read. */
const keyPrefixOf = (pattern: unknown): string | undefined => {
  const conditions = field(field(field(pattern, 'detail'), 'object'), 'key');
  if (conditions === undefined) return '';
  const prefixes = listedValues(conditions).map((condition) => field(condition, 'prefix'));
  const [prefix] = prefixes;
  return prefixes.length === 1 && typeof prefix === 'string' ? prefix : undefined;
};

const parsePattern = (rule: Rule): unknown => {
  try {
    return JSON.parse(rule.EventPattern ?? 'null');
  } catch {
    return null;
  }
};

/**
 * Whether a rule's pattern selects the "Object Created" events of `bucket`, and under which prefix. Only the shape
 * the Task construct writes is understood (exact source, detail type and bucket, one key prefix): a rule of
 * another shape is not this task's parser route.
 */
export const objectCreatedPrefix = (rule: Rule, bucket: string): string | undefined => {
  const pattern = parsePattern(rule);
  const selects = (path: readonly string[], value: string) =>
    listedValues(path.reduce<unknown>(field, pattern)).includes(value);
  if (!selects(['source'], 'aws.s3') || !selects(['detail-type'], 'Object Created')) return undefined;
  if (!selects(['detail', 'bucket', 'name'], bucket)) return undefined;
  return keyPrefixOf(pattern);
};

const allRules = async (): Promise<Rule[]> => {
  const rules: Rule[] = [];
  let token: string | undefined;
  do {
    const page = await awsClient(EventBridgeClient).send(
      new ListRulesCommand(token === undefined ? {} : { NextToken: token }),
    );
    rules.push(...(page.Rules ?? []));
    token = page.NextToken;
  } while (token !== undefined);
  return rules;
};

const queueTargets = async (ruleName: string): Promise<string[]> => {
  const { Targets = [] } = await awsClient(EventBridgeClient).send(
    new ListTargetsByRuleCommand({ Rule: ruleName }),
  );
  return Targets.map(({ Arn }) => Arn ?? '').filter((arn) => arn.startsWith('arn:aws:sqs:'));
};

/**
 * The route the task's own deployment set up for the bucket's raw objects, found from the bucket alone: the
 * enabled rule of the default bus that selects its "Object Created" events, and the queues it targets.
 */
export const findParserRoute = async (bucket: string): Promise<ParserRoute> => {
  const routes: ParserRoute[] = [];
  for (const rule of await allRules()) {
    const keyPrefix = rule.State === 'DISABLED' ? undefined : objectCreatedPrefix(rule, bucket);
    if (keyPrefix === undefined || rule.Name === undefined) continue;
    const queueArns = await queueTargets(rule.Name);
    if (queueArns.length > 0) routes.push({ ruleName: rule.Name, keyPrefix, queueArns });
  }
  const [route, ...others] = routes;
  if (route === undefined) {
    throw new SetupError(
      `no enabled EventBridge rule sends the "Object Created" events of bucket ${bucket} to a queue`,
      "deploy the task's stack: its Task construct routes the raw objects to its parser",
    );
  }
  if (others.length > 0) {
    throw new SetupError(
      `rules ${routes.map(({ ruleName }) => ruleName).join(', ')} all send the events of bucket ${bucket} to queues`,
      "a task has one parser route; remove the rule that is not the Task construct's",
    );
  }
  return route;
};
