import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { SendBatch } from './queue-batches.ts';

/** SendMessageBatch to one queue, each message with its contract's attributes. */
export const sqsSendBatch =
  (queueUrl: string): SendBatch =>
  async (entries) => {
    const response = await awsClient(SQSClient).send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: entries.map((entry) => ({
          Id: entry.id,
          MessageBody: entry.body,
          MessageAttributes: Object.fromEntries(
            Object.entries(entry.attributes).map(([name, { dataType, value }]) => [
              name,
              { DataType: dataType, StringValue: value },
            ]),
          ),
        })),
      }),
    );
    return (response.Failed ?? []).map(({ Id, Code, Message: text, SenderFault }) => ({
      id: Id ?? '',
      code: Code ?? 'Unknown',
      message: text ?? '',
      senderFault: SenderFault ?? false,
    }));
  };
