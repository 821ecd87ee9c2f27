import { deadLetterRecordV1 } from '@sec-an/contracts/dead-letter';
import { z } from 'zod';
import { archiveKeyParts } from './archive-key.ts';
import { type ArchivedLetter, declaredContract, readableFields } from './archived-letter.ts';
import type { CreatedObject } from './object-created-event.ts';

/** One document of the `dead-letters` index (see index-templates/dead-letter-template.ts). */
export interface DeadLetterDocument {
  readonly '@timestamp': string;
  readonly messageId?: string;
  readonly reason?: string;
  readonly deadLetterQueue?: string;
  readonly sourceQueue?: string;
  readonly functionName?: string;
  readonly contract?: string;
  readonly contractVersion?: number;
  readonly error?: { readonly name: string; readonly message: string };
  readonly receiveCount?: number;
  readonly sentAt?: string;
  readonly archivedAt?: string;
  readonly size: number;
  readonly object: { readonly bucket: string; readonly key: string };
  /** Why the object is not a valid dead-letter record, when it is not; its other fields are what could be read. */
  readonly archiveError?: string;
}

/** What reading the archived object gave. */
export type ArchiveContent =
  | { readonly kind: 'read'; readonly text: string; readonly size: number }
  | { readonly kind: 'missing' }
  | { readonly kind: 'too-large'; readonly size: number; readonly limit: number };

/** Room for a contract violation's field list, not for a whole object's worth of them. */
const maxArchiveErrorLength = 2000;

const bounded = (text: string): string =>
  text.length <= maxArchiveErrorLength ? text : `${text.slice(0, maxArchiveErrorLength - 1)}…`;

/** `arn:aws:sqs:<region>:<account>:<name>` and `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`. */
const queueName = (arn: string): string => arn.slice(arn.lastIndexOf(':') + 1);
const functionName = (arn: string): string => arn.split(':')[6] ?? arn;

const letterFields = (letter: ArchivedLetter) => ({
  ...(letter.messageId === undefined ? {} : { messageId: letter.messageId }),
  ...(letter.reason === undefined ? {} : { reason: letter.reason }),
  ...(letter.deadLetterQueueArn === undefined
    ? {}
    : { deadLetterQueue: queueName(letter.deadLetterQueueArn) }),
  ...(letter.sourceQueueArn === undefined ? {} : { sourceQueue: queueName(letter.sourceQueueArn) }),
  ...(letter.functionArn === undefined ? {} : { functionName: functionName(letter.functionArn) }),
  ...declaredContract(letter),
  ...(letter.error === undefined ? {} : { error: letter.error }),
  ...(letter.receiveCount === undefined ? {} : { receiveCount: letter.receiveCount }),
  ...(letter.sentAt === undefined ? {} : { sentAt: letter.sentAt }),
  ...(letter.archivedAt === undefined ? {} : { archivedAt: letter.archivedAt }),
});

/** What the recorder's key names, for an object that says less of itself. */
const keyFields = (key: string) => {
  const parts = archiveKeyParts(key);
  return parts === undefined ? {} : { messageId: parts.messageId, deadLetterQueue: parts.deadLetterQueue };
};

interface Reading {
  readonly letter: ArchivedLetter;
  readonly archiveError?: string;
}

const parseJson = (text: string): { readonly value: unknown } | { readonly error: string } => {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

const readLetter = (text: string): Reading => {
  const json = parseJson(text);
  if ('error' in json) return { letter: {}, archiveError: `the object is not JSON: ${json.error}` };
  const validity = deadLetterRecordV1.schema.safeParse(json.value);
  const letter = readableFields(json.value);
  return validity.success
    ? { letter }
    : {
        letter,
        archiveError: `the object is not a valid ${deadLetterRecordV1.name} v${deadLetterRecordV1.version}:\n${z.prettifyError(validity.error)}`,
      };
};

const reading = (content: ArchiveContent): Reading => {
  switch (content.kind) {
    case 'read':
      return readLetter(content.text);
    case 'missing':
      return { letter: {}, archiveError: 'the object no longer exists' };
    case 'too-large':
      return {
        letter: {},
        archiveError: `the object is ${content.size} bytes, more than the ${content.limit} a dead letter can take; it was not read`,
      };
  }
};

/**
 * The document of one archived object. Whatever the object holds, there is a document: an object that is not a
 * valid record is reported with what could be read of it and why it is not valid, never refused, since a
 * refusal would dead-letter its event into the very archive it reports on.
 */
export const deadLetterDocument = (object: CreatedObject, content: ArchiveContent): DeadLetterDocument => {
  const { letter, archiveError } = reading(content);
  return {
    '@timestamp': letter.archivedAt ?? object.createdAt,
    ...keyFields(object.key),
    ...letterFields(letter),
    size: content.kind === 'missing' ? (object.size ?? 0) : content.size,
    object: { bucket: object.bucket, key: object.key },
    ...(archiveError === undefined ? {} : { archiveError: bounded(archiveError) }),
  };
};

/**
 * The least document of an object, for when the index refused the full one (a value the mapping cannot take):
 * the object is still reported, with the index's reason.
 */
export const fallbackDocument = (document: DeadLetterDocument, refusal: string): DeadLetterDocument => ({
  '@timestamp': document['@timestamp'],
  size: document.size,
  object: document.object,
  archiveError: bounded(`the index refused the document: ${refusal}`),
});
