import { InvalidConfigurationError } from '../errors.ts';

/** Where a queue's redrive policy sends dead letters, and after how many receives. */
export interface RedriveTarget {
  readonly deadLetterQueueArn?: string;
  readonly maxReceiveCount?: number;
}

export const redriveTargetOf = (policy: string | undefined, address: string): RedriveTarget => {
  if (policy === undefined || policy === '') return {};
  let parsed: { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
  try {
    parsed = JSON.parse(policy) as typeof parsed;
  } catch {
    throw new InvalidConfigurationError(address, `redrive_policy is not JSON: ${policy}`);
  }
  const maxReceiveCount = Number(parsed.maxReceiveCount);
  if (typeof parsed.deadLetterTargetArn !== 'string' || !Number.isInteger(maxReceiveCount)) {
    throw new InvalidConfigurationError(
      address,
      `redrive_policy needs deadLetterTargetArn and maxReceiveCount: ${policy}`,
    );
  }
  return { deadLetterQueueArn: parsed.deadLetterTargetArn, maxReceiveCount };
};
