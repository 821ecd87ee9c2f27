import type { AttributeValue, _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';

const attributeNames = (image: Record<string, AttributeValue> | undefined): string =>
  Object.keys(image ?? {})
    .sort()
    .join('\u0000');

const keyOf = (record: StreamRecord): string => JSON.stringify(record.dynamodb?.Keys ?? {});

/** An INSERT whose new image holds the item's key and nothing else. */
const isKeyOnlyInsert = (record: StreamRecord): boolean =>
  record.eventName === 'INSERT' &&
  attributeNames(record.dynamodb?.NewImage) === attributeNames(record.dynamodb?.Keys);

const hasLaterInsert = (records: readonly StreamRecord[], i: number, key: string): boolean =>
  records.slice(i + 1).some((later) => later.eventName === 'INSERT' && keyOf(later) === key);

/**
 * moto records an UpdateItem that creates an item as two INSERT records: the first holds only the key, the second
 * the item. DynamoDB records one. The first is dropped, so that a function sees the stream AWS would give it (a
 * key-only INSERT followed by an INSERT of the same key cannot happen there: the second would be a MODIFY). Items
 * updated concurrently interleave their records, so the partner is looked for anywhere later in the batch.
 */
export const withoutPhantomInserts = (records: readonly StreamRecord[]): StreamRecord[] =>
  records.filter((record, i) => !(isKeyOnlyInsert(record) && hasLaterInsert(records, i, keyOf(record))));

/** A key-only INSERT still without its partner: the read ended between the two, so the next read holds it. */
export const awaitsPartner = (records: readonly StreamRecord[]): boolean =>
  withoutPhantomInserts(records).some(isKeyOnlyInsert);
