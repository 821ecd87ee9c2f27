import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { describe, expect, it } from '@jest/globals';
import { scanRequestV1, scanRequestV1Example } from '@sec-an/contracts/scan-request';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { TransientError } from '@sec-an/runtime/errors';
import {
  deadLetterAttributes,
  parseRecordBody,
  type RecordHandler,
  sqsHandler,
} from '@sec-an/runtime/sqs-handler';
import { useCleanBackends } from '@sec-an/testing/backends';
import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';
import { pollQueueOnce } from './poll-queue.ts';
import { startSqsEventSource } from './sqs-event-source.ts';

// Powertools reads these when a handler is created, which the tests below do after they are set.
process.env.POWERTOOLS_METRICS_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const sqs = () => awsClient(SQSClient);

const arnOf = async (queueUrl: string): Promise<string> => {
  const { Attributes } = await sqs().send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  return Attributes?.QueueArn ?? '';
};

/** A source queue with a one-second visibility timeout whose redrive policy moves messages to its own DLQ. */
const queueWithDeadLetterQueue = async (name: string, maxReceiveCount: number) => {
  const { QueueUrl: dlqUrl = '' } = await sqs().send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
  const { QueueUrl: queueUrl = '' } = await sqs().send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: '1',
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: await arnOf(dlqUrl), maxReceiveCount }),
      },
    }),
  );
  return { queueUrl, dlqUrl, queueArn: await arnOf(queueUrl) };
};

const send = async (queueUrl: string, body: string, task?: string): Promise<string> => {
  const { MessageId = '' } = await sqs().send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: body,
      ...(task === undefined
        ? {}
        : { MessageAttributes: { task: { DataType: 'String', StringValue: task } } }),
    }),
  );
  return MessageId;
};

/** Visible and in-flight messages together: what is still in the queue at all. */
const messagesIn = async (queueUrl: string): Promise<number> => {
  const { Attributes = {} } = await sqs().send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible)
  );
};

const receiveAll = (queueUrl: string) =>
  sqs().send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 1,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    }),
  );

const handlerOf = (recordHandler: RecordHandler) =>
  sqsHandler({ serviceName: 'event-source-test', recordHandler });

const scanRequest = JSON.stringify(scanRequestV1Example);

describe('the local SQS event source with the standard SQS handler', () => {
  useCleanBackends();

  it('a partial batch failure retries only the failed record', async () => {
    const { queueUrl } = await queueWithDeadLetterQueue('partial-failure', 5);
    const ids = {
      first: await send(queueUrl, 'first'),
      second: await send(queueUrl, 'second'),
      third: await send(queueUrl, 'third'),
    };
    const failSecond = handlerOf(async (record) => {
      if (record.body === 'second') throw new TransientError('dependency is down');
    });

    const result = await pollQueueOnce({ queueUrl, handler: failSecond, waitTimeSeconds: 1 });
    if (result.kind !== 'handled') throw new Error(`expected a handled batch, got ${result.kind}`);
    expect(result.event.Records).toHaveLength(3);
    expect(result.response as SQSBatchResponse).toEqual({
      batchItemFailures: [{ itemIdentifier: ids.second }],
    });
    expect([...result.deletedMessageIds].sort()).toEqual([ids.first, ids.third].sort());
    expect(await messagesIn(queueUrl)).toBe(1);

    const redelivered: SQSRecord[] = [];
    const retry = await pollQueueOnce({
      queueUrl,
      handler: handlerOf(async (record) => {
        redelivered.push(record);
      }),
      waitTimeSeconds: 3,
    });
    expect(retry.kind).toBe('handled');
    expect(redelivered.map(({ messageId, body }) => ({ messageId, body }))).toEqual([
      { messageId: ids.second, body: 'second' },
    ]);
    expect(redelivered[0]?.attributes.ApproximateReceiveCount).toBe('2');
    expect(await messagesIn(queueUrl)).toBe(0);
  });

  it('a record that fails on its last permitted receive goes to the DLQ with its error', async () => {
    const maxReceiveCount = 2;
    const { queueUrl, dlqUrl } = await queueWithDeadLetterQueue('keeps-failing', maxReceiveCount);
    await send(queueUrl, 'poison');
    let attempts = 0;
    const alwaysFails = handlerOf(async () => {
      attempts += 1;
      throw new TransientError('dependency is down');
    });

    const outcomes: string[] = [];
    for (let poll = 0; poll < 4 && (await messagesIn(dlqUrl)) === 0; poll += 1) {
      outcomes.push((await pollQueueOnce({ queueUrl, handler: alwaysFails, waitTimeSeconds: 2 })).kind);
    }

    expect(outcomes).toEqual(['threw', 'handled']);
    expect(attempts).toBe(maxReceiveCount);
    expect(await messagesIn(queueUrl)).toBe(0);
    const { Messages = [] } = await receiveAll(dlqUrl);
    expect(Messages.map(({ MessageId, Body }) => ({ MessageId, Body }))).toEqual([
      { MessageId: expect.any(String), Body: 'poison' },
    ]);
    expect(Messages[0]?.MessageAttributes?.[deadLetterAttributes.errorMessage]?.StringValue).toBe(
      'dependency is down',
    );
    expect(Messages[0]?.MessageAttributes?.[deadLetterAttributes.receiveCount]?.StringValue).toBe('2');
  });

  it('a message whose handler crashes moves to its DLQ through the redrive policy', async () => {
    const maxReceiveCount = 2;
    const { queueUrl, dlqUrl } = await queueWithDeadLetterQueue('crashes', maxReceiveCount);
    const messageId = await send(queueUrl, 'poison');
    const crashes = async (): Promise<never> => {
      throw new Error('out of memory');
    };

    const outcomes: string[] = [];
    for (let poll = 0; poll < 6 && (await messagesIn(dlqUrl)) === 0; poll += 1) {
      outcomes.push((await pollQueueOnce({ queueUrl, handler: crashes, waitTimeSeconds: 2 })).kind);
    }

    expect(outcomes).toEqual(['threw', 'threw', 'empty']);
    const { Messages = [] } = await receiveAll(dlqUrl);
    expect(Messages.map(({ MessageId, Body }) => ({ MessageId, Body }))).toEqual([
      { MessageId: messageId, Body: 'poison' },
    ]);
  });

  it('a message that can never succeed goes straight to the DLQ, saying why', async () => {
    const { queueUrl, dlqUrl, queueArn } = await queueWithDeadLetterQueue('never-succeeds', 5);
    const validId = await send(queueUrl, scanRequest);
    const invalidId = await send(queueUrl, 'not json', 'nmap-scanner');
    const handled: string[] = [];
    const parsesScanRequests = handlerOf(async (record) => {
      handled.push(record.messageId);
      parseRecordBody(record, scanRequestV1);
    });

    const result = await pollQueueOnce({ queueUrl, handler: parsesScanRequests, waitTimeSeconds: 1 });
    if (result.kind !== 'handled') throw new Error(`expected a handled batch, got ${result.kind}`);
    expect(result.response as SQSBatchResponse).toEqual({ batchItemFailures: [] });
    expect([...result.deletedMessageIds].sort()).toEqual([validId, invalidId].sort());
    expect(handled.sort()).toEqual([validId, invalidId].sort());
    expect(await messagesIn(queueUrl)).toBe(0);

    const { Messages = [] } = await receiveAll(dlqUrl);
    expect(Messages).toHaveLength(1);
    const [dead] = Messages;
    expect(dead?.Body).toBe('not json');
    const attributes = dead?.MessageAttributes ?? {};
    expect(attributes.task?.StringValue).toBe('nmap-scanner');
    expect(attributes[deadLetterAttributes.errorName]?.StringValue).toBe('ContractViolationError');
    expect(attributes[deadLetterAttributes.errorMessage]?.StringValue).toMatch(/not JSON/);
    expect(attributes[deadLetterAttributes.sourceQueueArn]?.StringValue).toBe(queueArn);
    expect(attributes[deadLetterAttributes.receiveCount]?.StringValue).toBe('1');
  });

  it('an event source delivers batches until it is stopped', async () => {
    const { queueUrl } = await queueWithDeadLetterQueue('event-source', 5);
    const bodies: string[] = [];
    let delivered: () => void = () => undefined;
    const bothDelivered = new Promise<void>((resolve) => {
      delivered = resolve;
    });
    const source = startSqsEventSource({
      queueUrl,
      handler: handlerOf(async (record) => {
        bodies.push(record.body);
        if (bodies.length === 2) delivered();
      }),
      onError: (error) => {
        throw error;
      },
    });
    try {
      await send(queueUrl, 'one');
      await send(queueUrl, 'two');
      await bothDelivered;
    } finally {
      await source.stop();
    }
    expect(bodies.sort()).toEqual(['one', 'two']);
    expect(await messagesIn(queueUrl)).toBe(0);
  });
});
