import type { DeadLetterRecord } from '@sec-an/contracts/dead-letter';
import { deadLetterAttributes } from '@sec-an/runtime/sqs-handler';
import type { SQSMessageAttributes, SQSRecord } from 'aws-lambda';

/** Dead-letter queues are named after their source queue with this suffix (ServiceQueue does so). */
export const deadLetterQueueSuffix = '-dlq';

interface HandlerVerdict {
  readonly error: { readonly name: string; readonly message: string };
  readonly sourceQueueArn: string;
  readonly receiveCount: number;
}

const failureAttributeNames = new Set<string>(Object.values(deadLetterAttributes));

const stringAttribute = (attributes: SQSMessageAttributes, name: string): string | undefined =>
  attributes[name]?.stringValue;

const handlerVerdict = (attributes: SQSMessageAttributes): HandlerVerdict | undefined => {
  const combined = stringAttribute(attributes, deadLetterAttributes.combined);
  if (combined !== undefined) {
    const parsed = JSON.parse(combined) as {
      errorName: string;
      errorMessage: string;
      sourceQueueArn: string;
      receiveCount: number;
    };
    return {
      error: { name: parsed.errorName, message: parsed.errorMessage },
      sourceQueueArn: parsed.sourceQueueArn,
      receiveCount: parsed.receiveCount,
    };
  }
  const name = stringAttribute(attributes, deadLetterAttributes.errorName);
  if (name === undefined) return undefined;
  return {
    error: { name, message: stringAttribute(attributes, deadLetterAttributes.errorMessage) ?? '' },
    sourceQueueArn: stringAttribute(attributes, deadLetterAttributes.sourceQueueArn) ?? '',
    receiveCount: Number(stringAttribute(attributes, deadLetterAttributes.receiveCount) ?? 0),
  };
};

/** Which records of a DynamoDB stream an event source mapping gave up on; the records stay in the stream. */
interface StreamBatchInfo {
  readonly streamArn: string;
  readonly shardId: string;
  readonly startSequenceNumber: string;
  readonly endSequenceNumber: string;
  readonly batchSize: number;
}

/** The record Lambda sends to an on-failure destination, in the parts this cares about. */
interface AsyncFailure {
  readonly requestContext: {
    readonly functionArn: string;
    readonly condition: string;
    readonly approximateInvokeCount: number;
  };
  readonly responsePayload?: { readonly errorType?: string; readonly errorMessage?: string } | null;
  /** Present when a DynamoDB stream mapping sent it: there is no payload then, only where the records are. */
  readonly DDBStreamBatchInfo?: StreamBatchInfo;
}

/**
 * A stream's failure record carries no error, so the message says which records to look for (in the stream for
 * a day, and in the function's log with their error).
 */
const failureMessage = (failure: AsyncFailure): string => {
  const batch = failure.DDBStreamBatchInfo;
  if (batch === undefined) return failure.responsePayload?.errorMessage ?? '';
  return (
    `${batch.batchSize} record(s) of ${batch.streamArn}, shard ${batch.shardId}, sequence numbers ` +
    `${batch.startSequenceNumber} to ${batch.endSequenceNumber}`
  );
};

const asyncFailure = (body: string): AsyncFailure | undefined => {
  try {
    const parsed = JSON.parse(body) as Partial<AsyncFailure> | null;
    return typeof parsed?.requestContext?.functionArn === 'string' ? (parsed as AsyncFailure) : undefined;
  } catch {
    return undefined;
  }
};

const ownAttributes = (attributes: SQSMessageAttributes): DeadLetterRecord['attributes'] =>
  Object.fromEntries(
    Object.entries(attributes)
      .filter(([name]) => !failureAttributeNames.has(name))
      .map(([name, value]) => [
        name,
        {
          dataType: value.dataType,
          ...(value.stringValue === undefined ? {} : { stringValue: value.stringValue }),
          ...(value.binaryValue === undefined ? {} : { binaryValue: value.binaryValue }),
        },
      ]),
  );

const sourceOfDeadLetterQueue = (deadLetterQueueArn: string): string | null =>
  deadLetterQueueArn.endsWith(deadLetterQueueSuffix)
    ? deadLetterQueueArn.slice(0, -deadLetterQueueSuffix.length)
    : null;

/** What happened to a dead letter, read from what its sender left on it. */
export const deadLetterRecordOf = (record: SQSRecord, archivedAt: Date): DeadLetterRecord => {
  const common = {
    contract: 'dead-letter-record' as const,
    version: 1 as const,
    messageId: record.messageId,
    deadLetterQueueArn: record.eventSourceARN,
    body: record.body,
    attributes: ownAttributes(record.messageAttributes),
    sentAt: new Date(Number(record.attributes.SentTimestamp)).toISOString(),
    archivedAt: archivedAt.toISOString(),
  };
  const verdict = handlerVerdict(record.messageAttributes);
  if (verdict !== undefined) {
    return {
      ...common,
      reason: 'handler-dead-lettered',
      sourceQueueArn: verdict.sourceQueueArn,
      functionArn: null,
      error: verdict.error,
      receiveCount: verdict.receiveCount,
    };
  }
  const failure = asyncFailure(record.body);
  if (failure !== undefined) {
    return {
      ...common,
      reason:
        failure.DDBStreamBatchInfo === undefined ? 'async-retries-exhausted' : 'stream-retries-exhausted',
      sourceQueueArn: null,
      functionArn: failure.requestContext.functionArn,
      error: {
        name: failure.responsePayload?.errorType ?? failure.requestContext.condition,
        message: failureMessage(failure),
      },
      receiveCount: failure.requestContext.approximateInvokeCount,
    };
  }
  return {
    ...common,
    reason: 'max-receives-exceeded',
    sourceQueueArn: sourceOfDeadLetterQueue(record.eventSourceARN),
    functionArn: null,
    error: null,
    receiveCount: null,
  };
};

const queueName = (arn: string): string => arn.slice(arn.lastIndexOf(':') + 1);

/** `dead-letters/<dead-letter queue>/<yyyy>/<mm>/<dd>/<message id>.json`: browsable by queue and day. */
export const archiveKey = (record: DeadLetterRecord): string => {
  const day = record.archivedAt.slice(0, 10).replaceAll('-', '/');
  return `dead-letters/${queueName(record.deadLetterQueueArn)}/${day}/${record.messageId}.json`;
};
