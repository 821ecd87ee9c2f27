import type { Deployment } from '../deployment/index.ts';
import { ComputeError } from './compute-error.ts';
import { parseHandlerName } from './handler-name.ts';
import { parseScheduleExpression } from './schedule-expression.ts';
import { constantInput } from './scheduled-event.ts';

/** Lambda's own rule for function names; it also keeps a name safe as a folder and file name. */
const functionNamePattern = /^[A-Za-z0-9_-]{1,64}$/;

const checkFunctions = (deployment: Deployment): void => {
  const seen = new Set<string>();
  for (const fn of deployment.functions) {
    if (!functionNamePattern.test(fn.functionName)) {
      throw new ComputeError(
        `function ${fn.address} has the name "${fn.functionName}", which Lambda would refuse`,
      );
    }
    if (seen.has(fn.functionName)) {
      throw new ComputeError(`two functions are named ${fn.functionName}; the second is ${fn.address}`);
    }
    seen.add(fn.functionName);
    if (!(fn.timeoutSeconds > 0)) throw new ComputeError(`function ${fn.address} has no positive timeout`);
    try {
      parseHandlerName(fn.handler);
    } catch (error) {
      throw new ComputeError(`function ${fn.address}: ${(error as Error).message}`);
    }
  }
};

/** Everything that invokes a function, with the address to name when the function is missing. */
const triggers = (deployment: Deployment) => [
  ...deployment.eventSourceMappings,
  ...(deployment.streamMappings ?? []),
  ...deployment.topicSubscriptions,
  ...deployment.bucketNotifications,
  ...deployment.schedules,
  ...deployment.asyncInvokeConfigs,
  ...(deployment.invocations ?? []),
];

/**
 * Fails before anything starts, naming the resource at fault, rather than leaving half of the platform running:
 * names, handlers, references to functions, schedule expressions and inputs.
 */
export const checkDeployment = (deployment: Deployment): void => {
  checkFunctions(deployment);
  const names = new Set(deployment.functions.map((fn) => fn.functionName));
  for (const trigger of triggers(deployment)) {
    if (!names.has(trigger.functionName)) {
      throw new ComputeError(
        `${trigger.address} names the function ${trigger.functionName}, which is not deployed`,
      );
    }
  }
  for (const schedule of deployment.schedules) {
    parseScheduleExpression(schedule.scheduleExpression, Date.now());
    constantInput(schedule);
  }
};
