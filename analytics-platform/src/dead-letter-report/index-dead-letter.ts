import type { Client } from '@opensearch-project/opensearch';
import { errors } from '@opensearch-project/opensearch';
import { deadLetterIndex } from '@sec-an/contracts/search-index';
import { withSearchErrors } from '@sec-an/runtime/opensearch';
import { type DeadLetterDocument, fallbackDocument } from './dead-letter-document.ts';

/** A refusal of the document itself (a value its mapping cannot take), not of the request or the store. */
const refusalOf = (error: unknown): string | undefined => {
  if (!(error instanceof errors.ResponseError) || error.statusCode !== 400) return undefined;
  const cause = (error.body as { error?: { type?: string; reason?: string } } | undefined)?.error;
  return `${cause?.type ?? 'bad request'}: ${cause?.reason ?? error.message}`;
};

const put = (client: Client, id: string, document: DeadLetterDocument) =>
  withSearchErrors(() => client.index({ index: deadLetterIndex, id, body: document }));

/** How a document went in: whole, or as its fallback because the index refused it. */
export type IndexOutcome = 'indexed' | 'indexed-fallback';

/**
 * Writes the document under its id (a second write of the same object replaces it with the same content). If
 * the index refuses it, the fallback document goes in instead, so no object is left unreported for its content.
 */
export const indexDeadLetter = async (
  client: Client,
  id: string,
  document: DeadLetterDocument,
): Promise<IndexOutcome> => {
  try {
    await put(client, id, document);
    return 'indexed';
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal === undefined) throw error;
    await put(client, id, fallbackDocument(document, refusal));
    return 'indexed-fallback';
  }
};
