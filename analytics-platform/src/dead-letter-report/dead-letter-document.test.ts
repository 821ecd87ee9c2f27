import { describe, expect, it } from '@jest/globals';
import { archiveKey, deadLetterRecordOf } from '@sec-an/constructs/dead-letter-recorder';
import { deadLetterAttributes } from '@sec-an/runtime/sqs-handler';
import type { SQSRecord } from 'aws-lambda';
import { type ArchiveContent, deadLetterDocument, fallbackDocument } from './dead-letter-document.ts';
import { deadLetterDocumentId } from './document-id.ts';
import type { CreatedObject } from './object-created-event.ts';

const text = (stringValue: string) => ({
  dataType: 'String',
  stringValue,
  stringListValues: [],
  binaryListValues: [],
});

const sourceQueueArn = 'arn:aws:sqs:eu-west-2:123456789012:sec-an-dev-analytics-platform-ingest-queue';

/** A dead letter as the recorder receives it from a dead-letter queue. */
const deadLetter = (overrides: Partial<SQSRecord>): SQSRecord => ({
  messageId: '5b1c7a9e-0d4e-4f0a-9b7e-2f6a1d3c8e11',
  receiptHandle: 'r',
  body: JSON.stringify({ contract: 'scan-result', version: 1, task: 'nmap' }),
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1795000000000',
    SenderId: 's',
    ApproximateFirstReceiveTimestamp: '1795000000001',
  },
  messageAttributes: {
    [deadLetterAttributes.errorName]: text('ContractViolationError'),
    [deadLetterAttributes.errorMessage]: text('message is not a valid scan-result v1'),
    [deadLetterAttributes.sourceQueueArn]: text(sourceQueueArn),
    [deadLetterAttributes.receiveCount]: { ...text('2'), dataType: 'Number' },
  },
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: `${sourceQueueArn}-dlq`,
  awsRegion: 'eu-west-2',
  ...overrides,
});

const archivedAt = new Date('2026-11-21T10:00:00.000Z');
const record = deadLetterRecordOf(deadLetter({}), archivedAt);
const key = archiveKey(record);

const createdObject = (overrides: Partial<CreatedObject> = {}): CreatedObject => ({
  bucket: 'sec-an-dev-shared-infra-dead-letters',
  key,
  size: 812,
  createdAt: '2026-11-21T10:00:01.000Z',
  ...overrides,
});

const read = (value: unknown): ArchiveContent => {
  const body = typeof value === 'string' ? value : JSON.stringify(value);
  return { kind: 'read', text: body, size: Buffer.byteLength(body) };
};

describe('the document of an archived dead letter', () => {
  it('says where and why a valid record failed, what contract its body declared, and where it is archived', () => {
    const content = read(record);
    expect(deadLetterDocument(createdObject(), content)).toEqual({
      '@timestamp': '2026-11-21T10:00:00.000Z',
      messageId: '5b1c7a9e-0d4e-4f0a-9b7e-2f6a1d3c8e11',
      reason: 'handler-dead-lettered',
      deadLetterQueue: 'sec-an-dev-analytics-platform-ingest-queue-dlq',
      sourceQueue: 'sec-an-dev-analytics-platform-ingest-queue',
      contract: 'scan-result',
      contractVersion: 1,
      error: { name: 'ContractViolationError', message: 'message is not a valid scan-result v1' },
      receiveCount: 2,
      sentAt: '2026-11-18T11:06:40.000Z',
      archivedAt: '2026-11-21T10:00:00.000Z',
      size: content.kind === 'read' ? content.size : -1,
      object: { bucket: 'sec-an-dev-shared-infra-dead-letters', key },
    });
  });

  it('names the function of a failed asynchronous invocation, and the contract its attributes name', () => {
    const failure = deadLetterRecordOf(
      deadLetter({
        messageAttributes: { contract: text('scan-request'), 'contract-version': text('2') },
        body: JSON.stringify({
          requestContext: {
            functionArn:
              'arn:aws:lambda:eu-west-2:123456789012:function:sec-an-dev-task-execution-plan:$LATEST',
            condition: 'RetriesExhausted',
            approximateInvokeCount: 3,
          },
          responsePayload: { errorType: 'Error', errorMessage: 'boom' },
        }),
      }),
      archivedAt,
    );
    expect(deadLetterDocument(createdObject(), read(failure))).toMatchObject({
      reason: 'async-retries-exhausted',
      functionName: 'sec-an-dev-task-execution-plan',
      contract: 'scan-request',
      contractVersion: 2,
      receiveCount: 3,
    });
  });

  it('leaves out what a record does not know: no error or source for a message moved without a verdict', () => {
    const moved = deadLetterRecordOf(
      deadLetter({ messageAttributes: {}, eventSourceARN: 'arn:aws:sqs:eu-west-2:1:orphans' }),
      archivedAt,
    );
    const document = deadLetterDocument(createdObject(), read(moved));
    expect(document).toMatchObject({ reason: 'max-receives-exceeded', deadLetterQueue: 'orphans' });
    expect(Object.keys(document)).not.toEqual(expect.arrayContaining(['error']));
    expect(Object.keys(document)).not.toEqual(expect.arrayContaining(['sourceQueue']));
    expect(Object.keys(document)).not.toEqual(expect.arrayContaining(['archiveError']));
  });

  it('reports an invalid record with the fields it has right, and says why it is invalid', () => {
    const { receiveCount: _dropped, ...withoutCount } = record;
    const document = deadLetterDocument(
      createdObject(),
      read({ ...withoutCount, sentAt: 'yesterday', reason: 'gave-up' }),
    );
    expect(document).toMatchObject({
      '@timestamp': '2026-11-21T10:00:00.000Z',
      messageId: record.messageId,
      sourceQueue: 'sec-an-dev-analytics-platform-ingest-queue',
      error: { name: 'ContractViolationError' },
      object: { key },
    });
    expect(document.sentAt).toBeUndefined();
    expect(document.reason).toBeUndefined();
    expect(document.receiveCount).toBeUndefined();
    expect(document.archiveError).toMatch(/^the object is not a valid dead-letter-record v1:\n/);
    expect(document.archiveError).toContain('receiveCount');
    expect(document.archiveError).toContain('sentAt');
  });

  it('reports a truncated object by its key, with the object time', () => {
    const truncated = JSON.stringify(record).slice(0, 120);
    expect(deadLetterDocument(createdObject(), read(truncated))).toEqual({
      '@timestamp': '2026-11-21T10:00:01.000Z',
      messageId: record.messageId,
      deadLetterQueue: 'sec-an-dev-analytics-platform-ingest-queue-dlq',
      size: 120,
      object: { bucket: 'sec-an-dev-shared-infra-dead-letters', key },
      archiveError: expect.stringMatching(/^the object is not JSON: /),
    });
  });

  it('reports a hand-written object outside the key scheme by its location alone', () => {
    expect(
      deadLetterDocument(createdObject({ key: 'dead-letters/notes.txt' }), read('see ticket 42')),
    ).toEqual({
      '@timestamp': '2026-11-21T10:00:01.000Z',
      size: 13,
      object: { bucket: 'sec-an-dev-shared-infra-dead-letters', key: 'dead-letters/notes.txt' },
      archiveError: expect.stringMatching(/^the object is not JSON/),
    });
    expect(deadLetterDocument(createdObject(), read([1, 2]))).toMatchObject({
      archiveError: expect.stringMatching(/^the object is not a valid dead-letter-record v1/),
    });
  });

  it('reports an object that is gone or too large to read, and bounds the error it gives', () => {
    expect(deadLetterDocument(createdObject(), { kind: 'missing' })).toMatchObject({
      size: 812,
      archiveError: 'the object no longer exists',
    });
    expect(
      deadLetterDocument(createdObject(), { kind: 'too-large', size: 9_000_000, limit: 4_194_304 }),
    ).toMatchObject({
      size: 9_000_000,
      archiveError:
        'the object is 9000000 bytes, more than the 4194304 a dead letter can take; it was not read',
    });
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, index) => [`field${index}`, index]));
    expect(deadLetterDocument(createdObject(), read(many)).archiveError?.length).toBeLessThanOrEqual(2000);
  });

  it('falls back to its location and the index refusal when the index takes nothing more', () => {
    const document = deadLetterDocument(createdObject(), read(record));
    expect(fallbackDocument(document, 'mapper_parsing_exception: failed to parse field [sentAt]')).toEqual({
      '@timestamp': '2026-11-21T10:00:00.000Z',
      size: document.size,
      object: document.object,
      archiveError:
        'the index refused the document: mapper_parsing_exception: failed to parse field [sentAt]',
    });
  });

  it('has one id per archived object', () => {
    const location = { bucket: 'b', key };
    expect(deadLetterDocumentId(location)).toBe(deadLetterDocumentId({ ...location }));
    expect(deadLetterDocumentId(location)).not.toBe(deadLetterDocumentId({ bucket: 'b', key: `${key}x` }));
    expect(deadLetterDocumentId(location)).toMatch(/^[0-9a-f]{64}$/);
  });
});
