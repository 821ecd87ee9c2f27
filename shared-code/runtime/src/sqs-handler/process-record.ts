import type { Logger } from '@aws-lambda-powertools/logger';
import type { SendMessageCommandInput } from '@aws-sdk/client-sqs';
import type { Context, SQSRecord } from 'aws-lambda';
import { isDependencyUnavailable } from '../errors/index.ts';
import { deadLetterMessage } from './dead-letter-message.ts';
import { deferredMessage } from './deferral.ts';
import { decideFailure } from './failure-decision.ts';
import type { RedriveLookup } from './redrive-policy.ts';

/** What a record handler gets besides its record. */
export interface RecordTools {
  /** Carries the record's message id on every line, besides the invocation's context. */
  readonly logger: Logger;
  readonly context: Context;
}

/** Handles one record; throws to fail it. A thrown error's `retryable` decides whether SQS retries it. */
export type RecordHandler = (record: SQSRecord, tools: RecordTools) => Promise<void>;

export type RecordOutcome = 'succeeded' | 'dead-lettered' | 'deferred';

export interface ProcessRecordOptions {
  readonly recordHandler: RecordHandler;
  readonly logger: Logger;
  readonly context: Context;
  readonly redriveOf: RedriveLookup;
  readonly sendMessage: (input: SendMessageCommandInput) => Promise<unknown>;
  readonly queueUrlOf: (arn: string) => Promise<string>;
  readonly deferralSeconds: number;
}

/** A failed lookup leaves the record to SQS's retries and redrive, which lose nothing. */
const redriveOrNone = async (record: SQSRecord, redriveOf: RedriveLookup, logger: Logger) => {
  try {
    return await redriveOf(record.eventSourceARN);
  } catch (error) {
    logger.warn('cannot read the redrive policy of the source queue', { error });
    return undefined;
  }
};

/** If the record cannot even be put back, SQS's own retry (which spends a receive) is what is left. */
const defer = async (
  record: SQSRecord,
  error: unknown,
  options: ProcessRecordOptions,
  logger: Logger,
): Promise<RecordOutcome> => {
  try {
    const queueUrl = await options.queueUrlOf(record.eventSourceARN);
    await options.sendMessage(deferredMessage(record, queueUrl, options.deferralSeconds));
  } catch (sendError) {
    logger.error('a dependency is unavailable and the record could not be deferred; SQS will retry it', {
      error,
      sendError,
    });
    throw error;
  }
  logger.warn('a dependency is unavailable; the record is back on its queue for later', {
    delaySeconds: options.deferralSeconds,
    error,
  });
  return 'deferred';
};

/**
 * Runs the record handler and applies the failure decision. Throwing is how a record is reported failed to the
 * batch processor; if sending to the dead-letter queue fails, the original error is reported so SQS retries it.
 */
export const processRecord = async (
  record: SQSRecord,
  options: ProcessRecordOptions,
): Promise<RecordOutcome> => {
  // Made on first use: a child logger costs a console of its own, and most records log nothing.
  let child: Logger | undefined;
  const recordLogger = () =>
    (child ??= options.logger.createChild({ persistentKeys: { messageId: record.messageId } }));
  const receiveCount = Number(record.attributes.ApproximateReceiveCount);
  try {
    await options.recordHandler(record, {
      get logger() {
        return recordLogger();
      },
      context: options.context,
    });
    return 'succeeded';
  } catch (error) {
    const logger = recordLogger();
    if (isDependencyUnavailable(error)) return defer(record, error, options, logger);
    const decision = decideFailure(
      error,
      receiveCount,
      await redriveOrNone(record, options.redriveOf, logger),
    );
    if (decision.action === 'retry') {
      logger.warn('record failed; SQS will deliver it again', { receiveCount, error });
      throw error;
    }
    try {
      await options.sendMessage(deadLetterMessage(record, error, decision.queueUrl));
    } catch (sendError) {
      logger.error('record failed permanently and could not be dead-lettered; SQS will deliver it again', {
        receiveCount,
        error,
        sendError,
      });
      throw error;
    }
    logger.error('record failed permanently; sent to the dead-letter queue', {
      receiveCount,
      deadLetterQueueUrl: decision.queueUrl,
      error,
    });
    return 'dead-lettered';
  }
};
