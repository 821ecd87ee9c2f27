import { contractAttribute, contractVersionAttribute } from '@sec-an/contracts/contract';
import { deadLetterReasons } from '@sec-an/contracts/dead-letter';
import { z } from 'zod';

/** Longer than any queue or function ARN or message id; what exceeds it is not what the field should hold. */
const maxIdentifierLength = 1024;
/** The recorder keeps error messages under this; a hand-written one may be longer and is then left out. */
const maxErrorMessageLength = 10_000;

const identifier = z.string().min(1).max(maxIdentifierLength);
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const lenientRecord = z.object({
  messageId: lenient(identifier),
  reason: lenient(z.enum(deadLetterReasons)),
  deadLetterQueueArn: lenient(identifier),
  sourceQueueArn: lenient(identifier),
  functionArn: lenient(identifier),
  body: lenient(z.string()),
  attributes: lenient(
    z.record(z.string(), z.object({ dataType: z.string(), stringValue: z.string().optional() })),
  ),
  error: lenient(z.object({ name: identifier, message: z.string().max(maxErrorMessageLength) })),
  receiveCount: lenient(z.number().int().nonnegative()),
  sentAt: lenient(z.iso.datetime()),
  archivedAt: lenient(z.iso.datetime()),
});

/**
 * What could be read of an archived dead letter: the fields of a `dead-letter-record` that have their contract's
 * form. A valid record yields all of them (null ones left out); an invalid one those it has right, the rest
 * are left out rather than guessed.
 */
export type ArchivedLetter = z.output<typeof lenientRecord>;

const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;

/** The readable fields of `value`; none when it is not an object. */
export const readableFields = (value: unknown): ArchivedLetter => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return withoutUndefined(lenientRecord.parse(value));
};

/** The contract a dead letter's body declares of itself, else the one its attributes name. */
export interface DeclaredContract {
  readonly contract?: string;
  readonly contractVersion?: number;
}

const declaredByBody = z.object({
  contract: identifier,
  version: z.number().int().nonnegative(),
});

const bodyJson = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};

export const declaredContract = (letter: ArchivedLetter): DeclaredContract => {
  const declared = declaredByBody.safeParse(bodyJson(letter.body ?? ''));
  if (declared.success) return { contract: declared.data.contract, contractVersion: declared.data.version };
  const name = identifier.safeParse(letter.attributes?.[contractAttribute]?.stringValue);
  if (!name.success) return {};
  const version = Number(letter.attributes?.[contractVersionAttribute]?.stringValue);
  return {
    contract: name.data,
    ...(Number.isInteger(version) && version >= 0 ? { contractVersion: version } : {}),
  };
};
