import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * A published body that stands in for a message too large for SNS: where the message is in S3, and its size and
 * SHA-256 so the reader can tell the object it fetched is the one that was published.
 */
export interface ClaimCheck {
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  readonly sha256: string;
}

const pointerSchema = z.strictObject({
  claimCheck: z.strictObject({
    bucket: z.string().min(1),
    key: z.string().min(1),
    size: z.int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});

export const sha256Hex = (content: string | Uint8Array): string =>
  createHash('sha256').update(content).digest('hex');

/** Where claim checks live in a producer's bucket; consumers are granted reads under it. */
export const claimCheckPrefix = 'claim-checks/';

/**
 * Content addressed, so publishing the same message again (a retried batch) writes the same object instead of a
 * new one.
 */
export const claimCheckKey = (contract: string, version: number, body: string): string =>
  `${claimCheckPrefix}${contract}/v${version}/${sha256Hex(body)}.json`;

export const claimCheckFor = (bucket: string, key: string, body: string): ClaimCheck => ({
  bucket,
  key,
  size: Buffer.byteLength(body),
  sha256: sha256Hex(body),
});

export const pointerBody = (claimCheck: ClaimCheck): string => JSON.stringify({ claimCheck });

/**
 * A pointer is recognised by its body, not by an extra message attribute: a contract may already use all 10
 * attributes SQS keeps, and a pointer can never be mistaken for a message because every contract message is a
 * strict object that carries `contract` and `version`, which the strict pointer shape forbids.
 */
export const claimCheckOf = (body: unknown): ClaimCheck | undefined => {
  const result = pointerSchema.safeParse(body);
  return result.success ? result.data.claimCheck : undefined;
};
