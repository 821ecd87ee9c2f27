/** checkov could not run, or did not finish: no verdict on the stacks. */
export class CheckovError extends Error {
  override readonly name = 'CheckovError';
}
