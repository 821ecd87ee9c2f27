import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { type PublishEntry, publishEntries } from '@sec-an/runtime/sns';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { forwardedEntry } from './forwarded-entry.ts';
import { topicArnVariable } from './settings.ts';

const logger = new Logger({ serviceName: 'queue-to-topic' });

/**
 * Forwards a batch with PublishBatch (a tenth of the requests of one Publish per message) and reports only the
 * records SNS did not take, so those alone come back.
 */
const forward = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const topicArn = process.env[topicArnVariable] ?? '';
  const entries: PublishEntry[] = [];
  const refused: string[] = [];
  for (const record of event.Records) {
    try {
      entries.push(forwardedEntry(record));
    } catch (error) {
      logger.error('record cannot be forwarded', { messageId: record.messageId, error });
      refused.push(record.messageId);
    }
  }
  const result = await publishEntries(topicArn, entries);
  for (const failure of result.failed) logger.warn('record not published', { ...failure });
  logger.info('forwarded', {
    topicArn,
    published: result.messageIds.size,
    failed: result.failed.length + refused.length,
  });
  return {
    batchItemFailures: [...refused, ...result.failed.map(({ id }) => id)].map((itemIdentifier) => ({
      itemIdentifier,
    })),
  };
};

export const handler = middy<SQSEvent, SQSBatchResponse, Error, Context>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(forward);
