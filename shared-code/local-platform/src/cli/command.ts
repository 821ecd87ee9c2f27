/** One `./sec-an <name>` command. */
export interface Command {
  readonly name: string;
  /** One line for the list of commands. */
  readonly summary: string;
  /** The whole `--help` text: the synopsis, what it does, every option. */
  readonly usage: string;
  /** Throws a UsageError for arguments it cannot run with, a SetupError for a problem the user can fix. */
  readonly run: (args: readonly string[]) => Promise<void>;
}
