import type { Client } from '@opensearch-project/opensearch';
import { type DeadLetterDocument, deadLetterDocument } from './dead-letter-document.ts';
import { deadLetterDocumentId } from './document-id.ts';
import { type IndexOutcome, indexDeadLetter } from './index-dead-letter.ts';
import { createdObjectOf } from './object-created-event.ts';
import { readArchive } from './read-archive.ts';

export interface DeadLetterReport {
  readonly id: string;
  readonly document: DeadLetterDocument;
  readonly outcome: IndexOutcome;
}

/** Reports the archived object that one "Object Created" event names as a document of the `dead-letters` index. */
export const reportDeadLetter = async (eventBody: string, client: Client): Promise<DeadLetterReport> => {
  const object = createdObjectOf(eventBody);
  const document = deadLetterDocument(object, await readArchive(object));
  const id = deadLetterDocumentId(object);
  return { id, document, outcome: await indexDeadLetter(client, id, document) };
};
