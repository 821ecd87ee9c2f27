import type { WireAttributes } from './attributes.ts';
import { maxBatchEntries, maxPayloadBytes } from './limits.ts';

/** One message ready to publish: its body and encoded attributes. */
export interface OutgoingMessage {
  readonly body: string;
  readonly attributes: WireAttributes;
}

/** What SNS counts against its size limit: the body, and each attribute's name, data type and value, in UTF-8. */
export const payloadBytes = ({ body, attributes }: OutgoingMessage): number =>
  Object.entries(attributes).reduce(
    (total, [name, { dataType, value }]) =>
      total + Buffer.byteLength(name) + Buffer.byteLength(dataType) + Buffer.byteLength(value),
    Buffer.byteLength(body),
  );

export interface BatchLimits {
  readonly maxEntries: number;
  readonly maxBytes: number;
}

export const publishBatchLimits: BatchLimits = { maxEntries: maxBatchEntries, maxBytes: maxPayloadBytes };

/**
 * Groups messages, in order, into batches within both the entry count and the total payload size. A message that
 * alone exceeds the size limit is refused here: the claim check exists so that this never happens.
 */
export const batchMessages = <M extends OutgoingMessage>(
  messages: readonly M[],
  limits: BatchLimits = publishBatchLimits,
): M[][] => {
  const batches: M[][] = [];
  let current: M[] = [];
  let currentBytes = 0;
  messages.forEach((message, index) => {
    const bytes = payloadBytes(message);
    if (bytes > limits.maxBytes) {
      throw new RangeError(`message ${index} is ${bytes} bytes; a batch holds at most ${limits.maxBytes}`);
    }
    if (current.length === limits.maxEntries || currentBytes + bytes > limits.maxBytes) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(message);
    currentBytes += bytes;
  });
  if (current.length > 0) batches.push(current);
  return batches;
};
