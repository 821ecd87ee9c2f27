import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

/**
 * Runs an update whose condition guards a row that may be gone (an expired plan row, an address no longer
 * resolved): such a row stays gone, and that is not a failure.
 */
export const unlessGone = async (update: Promise<unknown>): Promise<void> => {
  try {
    await update;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
};
