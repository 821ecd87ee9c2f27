import { z } from 'zod';
import type { Contract, Message } from './contract.ts';

/**
 * A message that does not satisfy its contract. It can never succeed, so it is not retried (`retryable` is the
 * property every sec-an error uses to say so).
 */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
  readonly retryable = false;
}

export const parseMessage = <C extends Contract<unknown>>(contract: C, value: unknown): Message<C> => {
  const result = contract.schema.safeParse(value);
  if (!result.success) {
    throw new ContractViolationError(
      `message is not a valid ${contract.name} v${contract.version}:\n${z.prettifyError(result.error)}`,
    );
  }
  return result.data as Message<C>;
};

const declaredContract = (value: unknown): string => {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const { contract, version } = value as { contract?: unknown; version?: unknown };
  return `${String(contract)} v${String(version)}`;
};

/** Parses a message against whichever of the accepted contract versions it declares. */
export const parseAnyOf = <C extends Contract<unknown>>(
  contracts: readonly C[],
  value: unknown,
): Message<C> => {
  const declared = value as { contract?: unknown; version?: unknown } | null;
  const match = contracts.find(
    (contract) => declared?.contract === contract.name && declared?.version === contract.version,
  );
  if (match === undefined) {
    const accepted = contracts.map((contract) => `${contract.name} v${contract.version}`).join(', ');
    throw new ContractViolationError(`message declares ${declaredContract(value)}; accepted: ${accepted}`);
  }
  return parseMessage(match, value);
};

/** Parses against one contract, or against whichever of several accepted versions the message declares. */
export const parseAccepted = <C extends Contract<unknown>>(
  accepted: C | readonly C[],
  value: unknown,
): Message<C> =>
  Array.isArray(accepted) ? parseAnyOf(accepted as readonly C[], value) : parseMessage(accepted as C, value);

/** A body that is not JSON violates every contract: it can never succeed, so it is not retried either. */
export const parseJson = (text: string, source: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ContractViolationError(`${source} is not JSON: ${(error as Error).message}`, { cause: error });
  }
};
