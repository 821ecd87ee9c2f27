import { z } from 'zod';
import {
  type AttributeValue,
  contractAttribute,
  contractVersionAttribute,
  type MessageAttributes,
  maxMessageAttributes,
} from './message-attributes.ts';

/** What every message says of itself, so a consumer knows which schema to parse it with. */
export interface ContractHeader {
  readonly contract: string;
  readonly version: number;
}

/**
 * A message contract: a named, versioned schema and the message attributes that subscribers filter on. A
 * breaking change is a new version of the same name; consumers can accept several versions while producers
 * move over (behind a feature flag).
 */
export interface Contract<T = ContractHeader> {
  readonly name: string;
  readonly version: number;
  readonly schema: z.ZodType<T>;
  attributes(message: T): MessageAttributes;
}

export type Message<C extends Contract<unknown>> = C extends Contract<infer T> ? T : never;

type HeaderShape = { contract: z.ZodLiteral<string>; version: z.ZodLiteral<number> };

type ContractOutput<Shape extends z.ZodRawShape> = z.output<z.ZodObject<Shape & HeaderShape, z.core.$strict>>;

export interface ContractDefinition<Shape extends z.ZodRawShape> {
  readonly name: string;
  readonly version: number;
  readonly shape: Shape;
  /** The attributes derived from a message; `contract` and `contract-version` are added to them. */
  readonly attributes?: (message: z.infer<z.ZodObject<Shape>>) => Record<string, AttributeValue | undefined>;
}

const withoutUndefined = (attributes: Record<string, AttributeValue | undefined>): MessageAttributes =>
  Object.fromEntries(
    Object.entries(attributes).filter(([, value]) => value !== undefined),
  ) as MessageAttributes;

/** One of SQS's ten is left for the failure description a dead letter carries beside the message's own. */
const maxContractAttributes = maxMessageAttributes - 1;

const checkedAttributes = (name: string, attributes: MessageAttributes): MessageAttributes => {
  const count = Object.keys(attributes).length;
  if (count > maxContractAttributes) {
    throw new RangeError(
      `contract ${name} derives ${count} message attributes; at most ${maxContractAttributes} leave room in ` +
        `SQS's ${maxMessageAttributes} for a dead letter's failure description`,
    );
  }
  return attributes;
};

export const defineContract = <Shape extends z.ZodRawShape>(
  definition: ContractDefinition<Shape>,
): Contract<ContractOutput<Shape>> => {
  const schema = z.strictObject({
    ...definition.shape,
    contract: z.literal(definition.name),
    version: z.literal(definition.version),
  });
  return {
    name: definition.name,
    version: definition.version,
    // Zod cannot compute the output type of a generic shape; the cast restates what the schema produces.
    schema: schema as unknown as z.ZodType<ContractOutput<Shape>>,
    attributes: (message) =>
      checkedAttributes(definition.name, {
        ...withoutUndefined(definition.attributes?.(message as z.infer<z.ZodObject<Shape>>) ?? {}),
        [contractAttribute]: definition.name,
        [contractVersionAttribute]: definition.version,
      }),
  };
};
