import { SetTopicAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier } from '../applier.ts';

export const applySnsTopicPolicy: Applier = async (config) => {
  const arn = config.string('arn');
  await awsClient(SNSClient).send(
    new SetTopicAttributesCommand({
      TopicArn: arn,
      AttributeName: 'Policy',
      AttributeValue: config.string('policy'),
    }),
  );
  return { ...config.values, id: arn };
};
