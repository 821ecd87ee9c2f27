import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DynamoDBClient,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { CertificateHistory, CertificateSighting } from './certificate-sightings.ts';

/** The certificates table's key: one item per certificate, whoever served it. */
export const certificatesTableKey = 'fingerprintSha256';

type Item = Record<string, AttributeValue>;

const keyOf = (sighting: CertificateSighting) => ({
  [certificatesTableKey]: { S: sighting.fingerprintSha256 },
});

/**
 * Adds the sighting's endpoint and names to the item, and sets first and last seen where the item has none yet.
 * Returns the item as it now is.
 */
const addSighting = async (table: string, sighting: CertificateSighting): Promise<Item> => {
  const names = sighting.serverNames.length > 0;
  const { Attributes } = await awsClient(DynamoDBClient).send(
    new UpdateItemCommand({
      TableName: table,
      Key: keyOf(sighting),
      UpdateExpression: `SET firstSeen = if_not_exists(firstSeen, :at), lastSeen = if_not_exists(lastSeen, :at) ADD endpoints :endpoints${names ? ', serverNames :names' : ''}`,
      ExpressionAttributeValues: {
        ':at': { S: sighting.seenAt },
        ':endpoints': { SS: [sighting.endpoint] },
        ...(names ? { ':names': { SS: [...sighting.serverNames] } } : {}),
      },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return Attributes ?? {};
};

/**
 * Moves first seen earlier or last seen later, only if the item still says otherwise: DynamoDB checks it in the
 * same request, so parsers racing on one certificate (or an old raw object parsed again) keep the extremes.
 */
const extend = async (table: string, sighting: CertificateSighting, field: 'firstSeen' | 'lastSeen') => {
  try {
    await awsClient(DynamoDBClient).send(
      new UpdateItemCommand({
        TableName: table,
        Key: keyOf(sighting),
        UpdateExpression: `SET ${field} = :at`,
        ConditionExpression: `${field} ${field === 'firstSeen' ? '>' : '<'} :at`,
        ExpressionAttributeValues: { ':at': { S: sighting.seenAt } },
      }),
    );
  } catch (error) {
    // Another parser moved it further already.
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
};

const text = (item: Item, name: string, fallback: string): string => item[name]?.S ?? fallback;
const earlier = (one: string, other: string) => (one < other ? one : other);
const later = (one: string, other: string) => (one > other ? one : other);

/** ISO 8601 times of one form (`toISOString`) order as text, so the table compares them as strings. */
const recordSighting = async (table: string, sighting: CertificateSighting): Promise<CertificateHistory> => {
  const item = await addSighting(table, sighting);
  const firstSeen = text(item, 'firstSeen', sighting.seenAt);
  const lastSeen = text(item, 'lastSeen', sighting.seenAt);
  if (firstSeen > sighting.seenAt) await extend(table, sighting, 'firstSeen');
  if (lastSeen < sighting.seenAt) await extend(table, sighting, 'lastSeen');
  return {
    firstSeen: earlier(firstSeen, sighting.seenAt),
    lastSeen: later(lastSeen, sighting.seenAt),
    endpoints: item.endpoints?.SS ?? [sighting.endpoint],
    serverNames: item.serverNames?.SS ?? [...sighting.serverNames],
  };
};

/**
 * Records every sighting in ssl-scanner's certificates table (first seen, last seen, every endpoint and name that
 * served the certificate) and returns what the table now knows of each, by fingerprint. Recording the same raw
 * object twice changes nothing: sets and extremes absorb it.
 */
export const recordCertificateSightings = async (
  table: string,
  sightings: readonly CertificateSighting[],
): Promise<Map<string, CertificateHistory>> => {
  const histories = new Map<string, CertificateHistory>();
  for (const sighting of sightings) {
    histories.set(sighting.fingerprintSha256, await recordSighting(table, sighting));
  }
  return histories;
};
