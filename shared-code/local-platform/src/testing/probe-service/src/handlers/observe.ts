import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { parseJson } from '@sec-an/contracts/contract';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { TransientError } from '@sec-an/runtime/errors';
import { sqsHandler, toSendableAttributes } from '@sec-an/runtime/sqs-handler';
import { observedQueueUrlVariable, refuseProperty } from './settings.ts';

/**
 * Reports each record to the observation queue, attributes included; refuses the ones asked to be refused, and
 * dead-letters at once what is not JSON.
 */
export const handler = sqsHandler({
  serviceName: 'probe-observer',
  recordHandler: async (record) => {
    const body = parseJson(record.body, 'probe message') as Record<string, unknown>;
    if (body[refuseProperty] === true) throw new TransientError('refused on purpose by the probe');
    await awsClient(SQSClient).send(
      new SendMessageCommand({
        QueueUrl: process.env[observedQueueUrlVariable],
        MessageBody: record.body,
        MessageAttributes: toSendableAttributes(record.messageAttributes),
      }),
    );
  },
});
