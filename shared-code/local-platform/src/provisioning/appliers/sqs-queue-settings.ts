import { SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier } from '../applier.ts';
import { redriveTargetOf } from './redrive-policy.ts';

/** The queue-level resources that set one attribute of a queue made elsewhere. */
const setQueueAttribute = async (queueUrl: string, attribute: string, value: string): Promise<void> => {
  await awsClient(SQSClient).send(
    new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { [attribute]: value } }),
  );
};

export const applySqsQueuePolicy: Applier = async (config) => {
  const queueUrl = config.string('queue_url');
  await setQueueAttribute(queueUrl, 'Policy', config.string('policy'));
  return { ...config.values, id: queueUrl };
};

export const applySqsQueueRedriveAllowPolicy: Applier = async (config) => {
  const queueUrl = config.string('queue_url');
  await setQueueAttribute(queueUrl, 'RedriveAllowPolicy', config.string('redrive_allow_policy'));
  return { ...config.values, id: queueUrl };
};

export const applySqsQueueRedrivePolicy: Applier = async (config, context) => {
  const queueUrl = config.string('queue_url');
  const policy = config.string('redrive_policy');
  await setQueueAttribute(queueUrl, 'RedrivePolicy', policy);
  context.deployment.updateQueue(queueUrl, redriveTargetOf(policy, context.address));
  return { ...config.values, id: queueUrl };
};
