import { describe, expect, it } from '@jest/globals';
import type { DeployedSchedule } from '../deployment/index.ts';
import { ComputeError } from './compute-error.ts';
import { scheduledEvent, scheduleTargetEvent } from './scheduled-event.ts';

const schedule: DeployedSchedule = {
  address: 'task-execution/main/aws_cloudwatch_event_rule.plan',
  ruleName: 'sec-an-local-plan',
  scheduleExpression: 'rate(15 minutes)',
  functionName: 'planner',
};
const functionArn = 'arn:aws:lambda:eu-west-2:123456789012:function:planner';
const at = Date.parse('2025-03-04T05:06:07.890Z');

describe('what a schedule invokes its target with', () => {
  it('is the Scheduled Event of the rule, timed to the second', () => {
    expect(scheduledEvent(schedule, functionArn, at, 'id-1')).toEqual({
      version: '0',
      id: 'id-1',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '123456789012',
      time: '2025-03-04T05:06:07Z',
      region: 'eu-west-2',
      resources: ['arn:aws:events:eu-west-2:123456789012:rule/sec-an-local-plan'],
      detail: {},
    });
  });

  it("is the target's constant input when it has one", () => {
    expect(scheduleTargetEvent({ ...schedule, input: '{"mode":"full"}' }, functionArn, at)).toEqual({
      mode: 'full',
    });
  });

  it('refuses a constant input that is not JSON, naming the schedule', () => {
    expect(() => scheduleTargetEvent({ ...schedule, input: '{mode' }, functionArn, at)).toThrow(ComputeError);
    expect(() => scheduleTargetEvent({ ...schedule, input: '{mode' }, functionArn, at)).toThrow(
      schedule.address,
    );
  });
});
