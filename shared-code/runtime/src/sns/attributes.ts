import type { MessageAttributeValue } from '@aws-sdk/client-sns';
import type { AttributeValue, MessageAttributes } from '@sec-an/contracts/contract';
import { ContractViolationError } from '../errors/index.ts';

/** An attribute as it travels: the SNS envelope calls the fields Type/Value, SQS DataType/StringValue. */
export interface WireAttribute {
  readonly dataType: string;
  readonly value: string;
}

export type WireAttributes = Readonly<Record<string, WireAttribute>>;

/**
 * Booleans travel as the strings 'true' and 'false': SNS has no boolean attribute type, and a filter policy on
 * message attributes matches strings and numbers only.
 */
const encodeValue = (value: AttributeValue): WireAttribute => {
  if (typeof value === 'string') return { dataType: 'String', value };
  if (typeof value === 'number') return { dataType: 'Number', value: String(value) };
  if (typeof value === 'boolean') return { dataType: 'String', value: String(value) };
  return { dataType: 'String.Array', value: JSON.stringify(value) };
};

export const encodeAttributes = (attributes: MessageAttributes): WireAttributes =>
  Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name, encodeValue(value)]));

export const toSnsAttributes = (attributes: WireAttributes): Record<string, MessageAttributeValue> =>
  Object.fromEntries(
    Object.entries(attributes).map(([name, { dataType, value }]) => [
      name,
      { DataType: dataType, StringValue: value },
    ]),
  );

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

const decodeArray = (name: string, value: string): readonly string[] => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  if (!isStringArray(parsed))
    throw new ContractViolationError(`attribute ${name} is not a JSON array of strings`);
  return parsed;
};

/**
 * Decodes by data type prefix, as SQS allows custom suffixes (`Number.int`). Booleans come back as the strings
 * they were sent as: the wire does not say a string was once a boolean.
 */
const decodeValue = (name: string, { dataType, value }: WireAttribute): AttributeValue | undefined => {
  if (dataType === 'String.Array') return decodeArray(name, value);
  if (dataType.startsWith('Number')) return Number(value);
  if (dataType.startsWith('String')) return value;
  // Binary attributes are never derived from a contract, so they carry nothing a reader parses.
  return undefined;
};

export const decodeAttributes = (attributes: WireAttributes): MessageAttributes => {
  const decoded: Record<string, AttributeValue> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    const value = decodeValue(name, attribute);
    if (value !== undefined) decoded[name] = value;
  }
  return decoded;
};
