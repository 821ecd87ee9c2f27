import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { DeadLetterRecord } from '@sec-an/contracts/dead-letter';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { queueUrlOf } from '@sec-an/runtime/sqs-handler';
import { originalMessage } from './original-message.ts';

const missingQueueErrors = new Set(['QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue']);

export const isMissingQueue = (error: unknown): boolean =>
  missingQueueErrors.has((error as { name?: string } | null)?.name ?? '');

/** Sends a letter's original message to `sourceQueueArn`; returns the new message id. */
export const sendToSource = async (letter: DeadLetterRecord, sourceQueueArn: string): Promise<string> => {
  const queueUrl = await queueUrlOf(sourceQueueArn);
  const { MessageId } = await awsClient(SQSClient).send(
    new SendMessageCommand(originalMessage(letter, queueUrl)),
  );
  return MessageId ?? '';
};
