/**
 * A problem the user can fix: the message names the cause and what to do. The command line prints it as one
 * line and exits non-zero, without a stack trace.
 */
export class SetupError extends Error {
  override readonly name: string = 'SetupError';
  readonly remedy: string;

  constructor(cause: string, remedy: string) {
    super(`${cause}; ${remedy}`);
    this.remedy = remedy;
  }
}
