import { SetupError } from '../errors/index.ts';
import { demoCommand } from './commands/demo.ts';
import { downCommand } from './commands/down.ts';
import { logsCommand } from './commands/logs.ts';
import { redriveCommand } from './commands/redrive.ts';
import { setupCommand } from './commands/setup.ts';
import { statusCommand } from './commands/status.ts';
import { upCommand } from './commands/up.ts';
import { say } from './output.ts';

interface Command {
  readonly name: string;
  readonly summary: string;
  /** The command's own `--help`, for a command with options. */
  readonly usage?: string;
  readonly run: (args: readonly string[]) => Promise<void>;
}

const commands: readonly Command[] = [
  demoCommand,
  setupCommand,
  upCommand,
  statusCommand,
  logsCommand,
  redriveCommand,
  downCommand,
];

const usage = (): void => {
  say('usage: ./sec-an <command>');
  say();
  say(`  ${'test'.padEnd(8)} run the whole test suite (type-check, lint, unit and integration tests)`);
  for (const command of commands) say(`  ${command.name.padEnd(8)} ${command.summary}`);
};

const main = async ([name, ...args]: string[]): Promise<number> => {
  const command = commands.find((candidate) => candidate.name === name);
  if (command?.usage !== undefined && args.includes('--help')) {
    say(command.usage);
    return 0;
  }
  if (command === undefined || args.includes('--help')) {
    usage();
    return name === undefined || name === '--help' || args.includes('--help') ? 0 : 2;
  }
  try {
    await command.run(args);
    return 0;
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    console.error(`sec-an ${command.name}: ${error.message}`);
    return 1;
  }
};

process.exitCode = await main(process.argv.slice(2));
