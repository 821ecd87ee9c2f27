import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import { convertToNative } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from 'aws-lambda';
import { StreamRecordError } from './sync-errors.ts';

/** A DynamoDB image as a Lambda stream event carries it: binary values in base64. */
export type StreamImage = Readonly<Record<string, AttributeValue>>;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [name: string]: JsonValue };

/** A number JSON keeps exactly; DynamoDB keeps 38 digits, which a document would silently round. */
const exactNumber = (text: string): number => {
  const value = Number(text);
  if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) {
    throw new RangeError(`the number ${text} cannot be written exactly as a JSON number`);
  }
  return value;
};

const compareNumbers = (a: JsonValue, b: JsonValue): number => Number(a) - Number(b);

/** Sets become arrays sorted one fixed way, so the same item always gives the same document. */
const plain = (value: unknown): JsonValue => {
  if (value instanceof Set) {
    const members = [...value].map(plain);
    return members.every((member) => typeof member === 'number')
      ? members.sort(compareNumbers)
      : members.map(String).sort();
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, member]) => [name, plain(member)]));
  }
  return value as JsonValue;
};

/** One attribute as plain JSON; a value that has none is the record's fault, named with its attribute. */
export const plainAttribute = (name: string, value: AttributeValue): JsonValue => {
  try {
    return plain(convertToNative(value as SdkAttributeValue, { wrapNumbers: exactNumber }));
  } catch (error) {
    throw new StreamRecordError(`attribute ${name}: ${(error as Error).message}`, { cause: error });
  }
};

/**
 * An image as plain JSON, attribute by attribute, in name order: DynamoDB keeps no order of attributes, and the
 * same item should always be the same document.
 */
export const plainImage = (image: StreamImage): Record<string, JsonValue> =>
  Object.fromEntries(
    Object.keys(image)
      .sort()
      .map((name) => [name, plainAttribute(name, image[name] as AttributeValue)]),
  );
