import { ContractViolationError } from '@sec-an/contracts/contract';
import { z } from 'zod';

/** The object that an S3 "Object Created" event on EventBridge names. */
export interface CreatedObject {
  readonly bucket: string;
  readonly key: string;
  /** As S3 reported it; absent from some event kinds. */
  readonly size: number | undefined;
  /** When S3 created it: the document's time when the object itself says none. */
  readonly createdAt: string;
}

/** Only the fields read here; EventBridge and S3 add others, and more over time. */
const objectCreatedEvent = z.object({
  source: z.literal('aws.s3'),
  'detail-type': z.literal('Object Created'),
  time: z.iso.datetime({ offset: true }),
  detail: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({ key: z.string().min(1), size: z.number().int().nonnegative().optional() }),
  }),
});

const parseJson = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new ContractViolationError(`the event is not JSON: ${(error as Error).message}`);
  }
};

/**
 * The object an event names. An event that is not an S3 "Object Created" event is refused: it is at fault, not
 * an archived object, and its own dead letter is a valid record that is reported like any other.
 */
export const createdObjectOf = (body: string): CreatedObject => {
  const result = objectCreatedEvent.safeParse(parseJson(body));
  if (!result.success) {
    throw new ContractViolationError(
      `the event is not an S3 "Object Created" event:\n${z.prettifyError(result.error)}`,
    );
  }
  const { time, detail } = result.data;
  return {
    bucket: detail.bucket.name,
    key: detail.object.key,
    size: detail.object.size,
    createdAt: new Date(time).toISOString(),
  };
};
