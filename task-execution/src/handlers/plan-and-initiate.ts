/**
 * The scheduled planner and initiator, run once per bucket. Filled in with the initiator; the entry exists first
 * so that the stacks can bundle it.
 */
export const handler = async (): Promise<void> => {
  throw new Error('plan-and-initiate is not implemented yet');
};
