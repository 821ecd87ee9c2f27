import type { Applier } from '../applier.ts';
import { functionNameOf } from '../names.ts';

// Lambda's defaults for asynchronous invocations.
const defaultMaximumRetryAttempts = 2;
const defaultMaximumEventAgeSeconds = 6 * 3600;

/** Recorded: the compute step retries asynchronous invocations and sends failures to the destination. */
export const applyLambdaEventInvokeConfig: Applier = async (config, context) => {
  const functionName = functionNameOf(config.string('function_name'));
  const destinations = config.block('destination_config');
  const onFailure = destinations?.block('on_failure')?.optionalString('destination');
  const onSuccess = destinations?.block('on_success')?.optionalString('destination');
  context.deployment.asyncInvokeConfigs.push({
    address: context.address,
    functionName,
    maximumRetryAttempts: config.number('maximum_retry_attempts', defaultMaximumRetryAttempts),
    maximumEventAgeSeconds: config.number('maximum_event_age_in_seconds', defaultMaximumEventAgeSeconds),
    ...(onFailure === undefined ? {} : { onFailureDestinationArn: onFailure }),
    ...(onSuccess === undefined ? {} : { onSuccessDestinationArn: onSuccess }),
  });
  const qualifier = config.optionalString('qualifier');
  return { ...config.values, id: qualifier === undefined ? functionName : `${functionName}:${qualifier}` };
};
