/**
 * The scheduled DNS ingest. Filled in with the DNS inventory; the entry exists first so that the stacks can
 * bundle it.
 */
export const handler = async (): Promise<void> => {
  throw new Error('dns-ingest is not implemented yet');
};
