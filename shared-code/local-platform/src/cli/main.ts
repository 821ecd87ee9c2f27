import type { Command } from './command.ts';
import { runCommandLine } from './command-line.ts';
import { demoCommand } from './commands/demo.ts';
import { deployCommand } from './commands/deploy.ts';
import { downCommand } from './commands/down.ts';
import { logsCommand } from './commands/logs.ts';
import { redriveCommand } from './commands/redrive.ts';
import { reingestCommand } from './commands/reingest.ts';
import { scanCommand } from './commands/scan.ts';
import { setupCommand } from './commands/setup.ts';
import { statusCommand } from './commands/status.ts';
import { synthCommand } from './commands/synth.ts';
import { upCommand } from './commands/up.ts';

/** Every command, in the order `./sec-an --help` lists them. */
export const commands: readonly Command[] = [
  demoCommand,
  setupCommand,
  upCommand,
  statusCommand,
  logsCommand,
  scanCommand,
  redriveCommand,
  reingestCommand,
  downCommand,
  synthCommand,
  deployCommand,
];

if (import.meta.main) {
  process.exitCode = await runCommandLine(process.argv.slice(2), commands, {
    out: (line) => process.stdout.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
  });
}
