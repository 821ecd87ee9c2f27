import {
  EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
  type Target,
} from '@aws-sdk/client-eventbridge';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { ApplyContext, Attributes } from '../applier.ts';
import type { ResourceConfig } from '../config.ts';
import type { RecordedRule } from '../deployment-recorder.ts';
import { queueOfArn } from '../names.ts';

/**
 * A rule on an event pattern is put into moto's EventBridge, which matches the events moto itself emits (the
 * object events of buckets whose notifications go to EventBridge) and delivers them to queue targets.
 */
export const applyPatternRule = async (
  config: ResourceConfig,
  context: ApplyContext,
  name: string,
  enabled: boolean,
): Promise<Attributes> => {
  const eventPattern = config.string('event_pattern');
  const eventBusName = config.optionalString('event_bus_name');
  const description = config.optionalString('description');
  const { RuleArn } = await awsClient(EventBridgeClient).send(
    new PutRuleCommand({
      Name: name,
      EventPattern: eventPattern,
      State: enabled ? 'ENABLED' : 'DISABLED',
      ...(eventBusName === undefined ? {} : { EventBusName: eventBusName }),
      ...(description === undefined ? {} : { Description: description }),
    }),
  );
  context.deployment.rules.set(name, { eventPattern, enabled });
  return { ...config.values, id: name, name, arn: RuleArn, tags_all: context.tagsOf(config) };
};

const targetOf = (config: ResourceConfig, targetId: string): Target => {
  const input = config.optionalString('input');
  const inputPath = config.optionalString('input_path');
  return {
    Id: targetId,
    Arn: config.string('arn'),
    ...(input === undefined ? {} : { Input: input }),
    ...(inputPath === undefined ? {} : { InputPath: inputPath }),
  };
};

/**
 * A queue target of a pattern rule is put into moto, which sends each matched event to it. moto ignores a
 * disabled rule's state, so a disabled rule gets no targets; other targets are not delivered to by moto.
 */
export const applyPatternTarget = async (
  config: ResourceConfig,
  context: ApplyContext,
  rule: RecordedRule,
  targetId: string,
): Promise<Attributes> => {
  const ruleName = config.string('rule');
  const targetArn = config.string('arn');
  if (!rule.enabled) return context.notApplied(`rule ${ruleName} is disabled`);
  if (queueOfArn(targetArn) === undefined) return context.notApplied(`target ${targetArn} is not a queue`);
  if (config.has('input_transformer'))
    return context.notApplied('input transformers are not applied locally');
  const eventBusName = config.optionalString('event_bus_name');
  const { FailedEntries } = await awsClient(EventBridgeClient).send(
    new PutTargetsCommand({
      Rule: ruleName,
      Targets: [targetOf(config, targetId)],
      ...(eventBusName === undefined ? {} : { EventBusName: eventBusName }),
    }),
  );
  const [failed] = FailedEntries ?? [];
  if (failed !== undefined) {
    throw new Error(`EventBridge refused target ${targetId}: ${failed.ErrorCode} ${failed.ErrorMessage}`);
  }
  return { ...config.values, id: `${ruleName}-${targetId}`, target_id: targetId };
};
