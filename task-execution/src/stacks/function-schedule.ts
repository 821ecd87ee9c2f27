import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule/index.js';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target/index.js';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission/index.js';
import { type AsyncInvocationOptions, captureAsyncFailures } from '@sec-an/constructs/async-invocation';
import { Construct } from '@sec-an/constructs/cdktf';
import type { NodeFunction } from '@sec-an/constructs/node-function';
import { ServiceStack } from '@sec-an/constructs/service-stack';

export interface FunctionScheduleProps {
  /** EventBridge's `cron(...)` or `rate(...)`, in UTC. */
  readonly expression: string;
  readonly description: string;
  /** Lambda's retries of a failed run before it is archived as a dead letter. Default: the library's. */
  readonly retries?: AsyncInvocationOptions;
}

/**
 * Runs a function on a schedule: an EventBridge rule, the function as its target, leave for that rule alone to
 * invoke it, and a run that still fails after Lambda's retries archived as a dead letter rather than dropped.
 */
export class FunctionSchedule extends Construct {
  readonly rule: CloudwatchEventRule;

  constructor(scope: Construct, id: string, fn: NodeFunction, props: FunctionScheduleProps) {
    super(scope, id);
    const stack = ServiceStack.of(this);
    this.rule = new CloudwatchEventRule(this, 'rule', {
      name: stack.physicalName(fn.name, 64),
      description: props.description,
      scheduleExpression: props.expression,
    });
    new CloudwatchEventTarget(this, 'target', {
      rule: this.rule.name,
      targetId: fn.name,
      arn: fn.functionArn,
    });
    new LambdaPermission(this, 'permission', {
      statementId: 'ScheduleInvokes',
      action: 'lambda:InvokeFunction',
      functionName: fn.functionName,
      principal: 'events.amazonaws.com',
      sourceArn: this.rule.arn,
    });
    captureAsyncFailures(fn, props.retries);
  }
}
