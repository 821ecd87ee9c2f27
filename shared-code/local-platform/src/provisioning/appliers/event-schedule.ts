import type { Applier } from '../applier.ts';
import { functionNameOf, generatedName } from '../names.ts';
import { applyPatternRule, applyPatternTarget } from './event-pattern.ts';

const isFunctionArn = (arn: string): boolean => /^arn:[^:]+:lambda:[^:]*:[^:]*:function:/.test(arn);

/** A scheduled rule is kept until a target names it; a rule on an event pattern goes to moto. */
export const applyCloudwatchEventRule: Applier = async (config, context) => {
  const name =
    config.optionalString('name') ?? generatedName(context.address, config.optionalString('name_prefix'));
  const state =
    config.optionalString('state') ?? (config.boolean('is_enabled', true) ? 'ENABLED' : 'DISABLED');
  const scheduleExpression = config.optionalString('schedule_expression');
  if (scheduleExpression === undefined) {
    return applyPatternRule(config, context, name, state !== 'DISABLED');
  }
  context.deployment.rules.set(name, { scheduleExpression, enabled: state !== 'DISABLED' });
  const { partition, region, accountId } = context.environment;
  return {
    ...config.values,
    id: name,
    name,
    arn: `arn:${partition}:events:${region}:${accountId}:rule/${name}`,
    tags_all: context.tagsOf(config),
  };
};

/** A function target of a scheduled rule is a schedule the compute step runs; a pattern's target goes to moto. */
export const applyCloudwatchEventTarget: Applier = async (config, context) => {
  const ruleName = config.string('rule');
  const targetArn = config.string('arn');
  const targetId = config.optionalString('target_id') ?? generatedName(context.address, '');
  const rule = context.deployment.rules.get(ruleName);
  if (rule?.eventPattern !== undefined) return applyPatternTarget(config, context, rule, targetId);
  if (rule?.scheduleExpression === undefined) return context.notApplied(`rule ${ruleName} is not a schedule`);
  if (!rule.enabled) return context.notApplied(`rule ${ruleName} is disabled`);
  if (!isFunctionArn(targetArn)) return context.notApplied(`target ${targetArn} is not a function`);
  const input = config.optionalString('input');
  context.deployment.schedules.push({
    address: context.address,
    ruleName,
    scheduleExpression: rule.scheduleExpression,
    functionName: functionNameOf(targetArn),
    ...(input === undefined ? {} : { input }),
  });
  return { ...config.values, id: `${ruleName}-${targetId}`, target_id: targetId };
};
