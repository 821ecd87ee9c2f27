import { setTimeout as sleep } from 'node:timers/promises';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishBatchCommand, type PublishBatchRequestEntry, SNSClient } from '@aws-sdk/client-sns';
import type { Contract, Message } from '@sec-an/contracts/contract';
import { parseMessage } from '@sec-an/contracts/contract';
import { awsClient } from '../aws-clients/index.ts';
import { PermanentError } from '../errors/index.ts';
import { encodeAttributes, toSnsAttributes } from './attributes.ts';
import { batchMessages, type OutgoingMessage, payloadBytes } from './batching.ts';
import { claimCheckFor, claimCheckKey, pointerBody } from './claim-check.ts';
import { maxPayloadBytes } from './limits.ts';
import {
  type BatchOutcome,
  defaultRetryPolicy,
  type EntryFailure,
  publishFailure,
  type RetryPolicy,
  type RetryResult,
  sendWithRetry,
} from './retry.ts';

export interface PublishOptions {
  /** Where messages above the threshold go; without it such a message is refused. */
  readonly claimCheckBucket?: string;
  /** Payload size (body and attributes) above which a message goes by claim check; at most 256 KiB. */
  readonly claimCheckThresholdBytes?: number;
  /** How often entries that SNS failed on its side are sent again. */
  readonly retry?: Partial<RetryPolicy>;
}

/** A message to publish, with an id of the caller's choosing that results are reported by. */
export interface PublishEntry extends OutgoingMessage {
  readonly id: string;
}

const thresholdOf = (options: PublishOptions): number => {
  const threshold = options.claimCheckThresholdBytes ?? maxPayloadBytes;
  if (!Number.isInteger(threshold) || threshold <= 0 || threshold > maxPayloadBytes) {
    throw new RangeError(`claimCheckThresholdBytes must be an integer from 1 to ${maxPayloadBytes}`);
  }
  return threshold;
};

const bucketFor = (contract: Contract<unknown>, options: PublishOptions, count: number): string => {
  if (options.claimCheckBucket === undefined) {
    throw new PermanentError(
      `${count} ${contract.name} v${contract.version} message(s) exceed the claim check threshold and no ` +
        'claimCheckBucket is configured to hold them',
    );
  }
  return options.claimCheckBucket;
};

const storeClaimCheck = async (
  contract: Contract<unknown>,
  bucket: string,
  body: string,
): Promise<string> => {
  const key = claimCheckKey(contract.name, contract.version, body);
  await awsClient(S3Client).send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/json' }),
  );
  return pointerBody(claimCheckFor(bucket, key, body));
};

/** Replaces each message above the threshold with a pointer to its body in S3; its attributes stay. */
const withClaimChecks = async (
  contract: Contract<unknown>,
  messages: readonly OutgoingMessage[],
  options: PublishOptions,
): Promise<OutgoingMessage[]> => {
  const threshold = thresholdOf(options);
  const large = messages.filter((message) => payloadBytes(message) > threshold).length;
  if (large === 0) return [...messages];
  const bucket = bucketFor(contract, options, large);
  return Promise.all(
    messages.map(async (message) =>
      payloadBytes(message) > threshold
        ? { ...message, body: await storeClaimCheck(contract, bucket, message.body) }
        : message,
    ),
  );
};

const sendBatch =
  (topicArn: string) =>
  async (entries: readonly PublishEntry[]): Promise<BatchOutcome> => {
    const requestEntries: PublishBatchRequestEntry[] = entries.map((entry) => ({
      Id: entry.id,
      Message: entry.body,
      MessageAttributes: toSnsAttributes(entry.attributes),
    }));
    const response = await awsClient(SNSClient).send(
      new PublishBatchCommand({ TopicArn: topicArn, PublishBatchRequestEntries: requestEntries }),
    );
    return {
      successful: (response.Successful ?? []).map(({ Id, MessageId }) => ({
        id: Id ?? '',
        messageId: MessageId ?? '',
      })),
      failed: (response.Failed ?? []).map(({ Id, Code, Message: text, SenderFault }) => ({
        id: Id ?? '',
        code: Code ?? 'Unknown',
        message: text ?? '',
        senderFault: SenderFault ?? false,
      })),
    };
  };

/**
 * Publishes entries as they are, in batches within SNS's limits, sending again what failed on the SNS side.
 * Reports each entry's message id or its last failure, by the entry's id.
 */
export const publishEntries = async (
  topicArn: string,
  entries: readonly PublishEntry[],
  retry: Partial<RetryPolicy> = {},
): Promise<RetryResult> => {
  const policy = { ...defaultRetryPolicy, ...retry };
  const messageIds = new Map<string, string>();
  const failed: EntryFailure[] = [];
  for (const batch of batchMessages(entries)) {
    const result = await sendWithRetry(batch, policy, { send: sendBatch(topicArn), sleep });
    for (const [id, messageId] of result.messageIds) messageIds.set(id, messageId);
    failed.push(...result.failed);
  }
  return { messageIds, failed };
};

/**
 * Publishes messages of one contract to a topic and returns their SNS message ids, in order. Every message is
 * checked against the contract before any is sent; its attributes are derived from the contract, so subscriber
 * filter policies see them whether or not the message went by claim check.
 */
export const publishMessages = async <C extends Contract<unknown>>(
  topicArn: string,
  contract: C,
  messages: readonly Message<C>[],
  options: PublishOptions = {},
): Promise<string[]> => {
  const parsed = messages.map((message) => parseMessage(contract, message));
  const outgoing = await withClaimChecks(
    contract,
    parsed.map((message) => ({
      body: JSON.stringify(message),
      attributes: encodeAttributes(contract.attributes(message)),
    })),
    options,
  );
  const result = await publishEntries(
    topicArn,
    outgoing.map((message, index): PublishEntry => ({ ...message, id: `${index}` })),
    options.retry,
  );
  const failure = publishFailure(topicArn, messages.length, result.failed);
  if (failure !== undefined) throw failure;
  return outgoing.map((_, index) => result.messageIds.get(`${index}`) ?? '');
};
