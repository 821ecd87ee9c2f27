import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { queueUrlOf } from '@sec-an/runtime/sqs-handler';
import { SetupError } from '../errors/index.ts';
import { objectCreatedEvent } from './object-created-event.ts';
import type { LakeObject } from './raw-objects.ts';

/** SQS's limit per batch. */
const batchSize = 10;

/** A message SQS did not take: every other one was sent. */
export class EventNotSentError extends SetupError {
  override readonly name: string = 'EventNotSentError';
}

/** Sends each object's "Object Created" event to the queue, as the rule's target would receive it. */
export const sendObjectEvents = async (
  objects: readonly LakeObject[],
  queueArn: string,
  now: Date,
): Promise<void> => {
  const queueUrl = await queueUrlOf(queueArn);
  for (let start = 0; start < objects.length; start += batchSize) {
    const batch = objects.slice(start, start + batchSize);
    const { Failed = [] } = await awsClient(SQSClient).send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: batch.map((object, index) => ({
          Id: String(index),
          MessageBody: JSON.stringify(objectCreatedEvent(object, queueArn, now)),
        })),
      }),
    );
    const [failed] = Failed;
    if (failed !== undefined) {
      const object = batch[Number(failed.Id)];
      throw new EventNotSentError(
        `the event of s3://${object?.bucket}/${object?.key} was not sent to ${queueArn}: ${failed.Code} ${failed.Message ?? ''}`,
        'the events before it were sent; run the command again for the rest (a replay twice is harmless)',
      );
    }
  }
};
