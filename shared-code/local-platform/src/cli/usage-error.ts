/**
 * Arguments a command cannot run with. The command line prints `sec-an <command>: <message>`, then the command's
 * usage, and exits with 2, the usual code for a command used wrongly.
 */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}
