import { SecAnError } from '@sec-an/runtime/errors';
import { SetupError } from '../errors/index.ts';
import type { Command } from './command.ts';
import { UsageError } from './usage-error.ts';

/** Where the command line writes: standard output for results and help, standard error for what went wrong. */
export interface CommandLineOutput {
  readonly out: (line: string) => void;
  readonly error: (line: string) => void;
}

const helpWords = new Set(['--help', '-h']);

const listOf = (commands: readonly Command[]): string => {
  const width = Math.max(...commands.map(({ name }) => name.length), 'test'.length);
  return [
    'usage: ./sec-an <command> [arguments]   (./sec-an <command> --help for its own help)',
    '',
    `  ${'test'.padEnd(width)}  run the whole test suite (type-check, lint, unit and integration tests)`,
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
  ].join('\n');
};

/** What a failed command prints, and its exit code; errors of no known kind are bugs and keep their stack. */
const failure = (command: Command, error: unknown, output: CommandLineOutput): number => {
  if (error instanceof UsageError) {
    output.error(`sec-an ${command.name}: ${error.message}`);
    output.error('');
    output.error(command.usage);
    return 2;
  }
  // A runtime error from the product's own code (a missing SSM parameter, a malformed scope) is the user's to fix.
  if (error instanceof SetupError || error instanceof SecAnError) {
    output.error(`sec-an ${command.name}: ${error.message}`);
    return 1;
  }
  throw error;
};

/** Runs `./sec-an <name> [args]` and returns its exit code. */
export const runCommandLine = async (
  argv: readonly string[],
  commands: readonly Command[],
  output: CommandLineOutput,
): Promise<number> => {
  const [name, ...args] = argv;
  if (name === undefined || helpWords.has(name)) {
    output.out(listOf(commands));
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    output.error(`sec-an: unknown command "${name}"`);
    output.error('');
    output.error(listOf(commands));
    return 2;
  }
  if (args.some((arg) => helpWords.has(arg))) {
    output.out(command.usage);
    return 0;
  }
  try {
    await command.run(args);
    return 0;
  } catch (error) {
    return failure(command, error, output);
  }
};
