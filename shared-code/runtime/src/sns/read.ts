import { GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import type { Contract, Message, MessageAttributes } from '@sec-an/contracts/contract';
import { parseAccepted, parseJson } from '@sec-an/contracts/contract';
import { awsClient } from '../aws-clients/index.ts';
import { PermanentError } from '../errors/index.ts';
import { decodeAttributes } from './attributes.ts';
import { type ClaimCheck, claimCheckOf, sha256Hex } from './claim-check.ts';
import { type SqsDelivery, unwrapDelivery } from './delivery.ts';

export interface ReadMessage<M> {
  readonly message: M;
  readonly attributes: MessageAttributes;
  /** Where the message body was fetched from, when it came by claim check. */
  readonly claimCheck?: ClaimCheck;
}

const objectBytes = async ({ bucket, key }: ClaimCheck): Promise<Uint8Array> => {
  try {
    const response = await awsClient(S3Client).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return (await response.Body?.transformToByteArray()) ?? new Uint8Array();
  } catch (error) {
    // The object is written before its pointer is published, so a missing one has expired or been deleted.
    if (error instanceof NoSuchKey) {
      throw new PermanentError(`claim check s3://${bucket}/${key} does not exist`, { cause: error });
    }
    throw error;
  }
};

/** Fetches the body a claim check points at, refusing an object that is not the one that was published. */
const resolveClaimCheck = async (claimCheck: ClaimCheck): Promise<string> => {
  const bytes = await objectBytes(claimCheck);
  const where = `claim check s3://${claimCheck.bucket}/${claimCheck.key}`;
  if (bytes.byteLength !== claimCheck.size) {
    throw new PermanentError(`${where} is ${bytes.byteLength} bytes; the pointer says ${claimCheck.size}`);
  }
  if (sha256Hex(bytes) !== claimCheck.sha256) {
    throw new PermanentError(`${where} does not match the SHA-256 in its pointer`);
  }
  return new TextDecoder().decode(bytes);
};

/**
 * Reads a message a queue received from an SNS subscription, with or without raw message delivery, fetching it
 * from S3 if it came by claim check, and parses it against the contract, or any of the contract versions, the
 * consumer accepts.
 */
export const readMessage = async <C extends Contract<unknown>>(
  accepted: C | readonly C[],
  delivery: SqsDelivery,
): Promise<ReadMessage<Message<C>>> => {
  const { body, attributes, parsed } = unwrapDelivery(delivery);
  const value = parsed ?? parseJson(body, 'message body');
  const claimCheck = claimCheckOf(value);
  const decoded = decodeAttributes(attributes);
  if (claimCheck === undefined) {
    return { message: parseAccepted(accepted, value), attributes: decoded };
  }
  const stored = parseJson(await resolveClaimCheck(claimCheck), 'claim check object');
  return { message: parseAccepted(accepted, stored), attributes: decoded, claimCheck };
};
