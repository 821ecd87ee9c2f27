import { describe, expect, it } from '@jest/globals';
import { runCommandLine } from './command-line.ts';
import { commands } from './main.ts';

const run = async (argv: readonly string[]) => {
  const out: string[] = [];
  const error: string[] = [];
  const code = await runCommandLine(argv, commands, {
    out: (line) => out.push(line),
    error: (line) => error.push(line),
  });
  return { code, out: out.join('\n'), error: error.join('\n') };
};

const usageOf = (name: string): string => commands.find((command) => command.name === name)?.usage ?? '';

describe('the sec-an command line', () => {
  it('lists every command with its summary, for no command and for --help', async () => {
    for (const argv of [[], ['--help'], ['-h']]) {
      const result = await run(argv);
      expect(result.code).toBe(0);
      for (const command of commands) expect(result.out).toContain(command.summary);
    }
  });

  it('refuses an unknown command with exit code 2, naming it and listing the commands', async () => {
    const result = await run(['deploi']);
    expect(result.code).toBe(2);
    expect(result.error).toMatch(/^sec-an: unknown command "deploi"\n/);
    expect(result.error).toContain('usage: ./sec-an <command>');
  });

  it.each(commands.map(({ name }) => [name]))(
    'prints the usage of %s for --help, whatever else is given',
    async (name) => {
      for (const argv of [
        [name, '--help'],
        [name, '--bogus', '-h'],
      ]) {
        const result = await run(argv);
        expect(result.code).toBe(0);
        expect(result.out).toBe(usageOf(name));
        expect(result.out).toMatch(new RegExp(`^usage: \\./sec-an ${name}`));
        expect(result.out).toContain('--help');
      }
    },
  );

  it.each([
    ['demo', ['--kep'], 'unknown option --kep'],
    ['demo', ['--keep=yes'], '--keep takes no value'],
    ['demo', ['now'], 'unexpected argument "now"'],
    ['setup', ['--force'], 'unknown option --force'],
    ['up', ['fast'], 'unexpected argument "fast"'],
    ['status', ['-v'], 'unknown option -v'],
    ['down', ['--all'], 'unknown option --all'],
    ['logs', ['--lines'], '--lines needs a value'],
    ['logs', ['--lines', 'many'], '--lines needs a whole number of at least 1, not "many"'],
    ['logs', ['--lines', '0'], '--lines needs a whole number of at least 1, not "0"'],
    ['logs', ['--lines=', 'ingest'], '--lines needs a value'],
    ['logs', ['--lines', '5', '--lines', '6'], '--lines is given twice'],
    ['logs', ['ingest', 'planner'], 'unexpected argument "planner" after the function name'],
    ['redrive', ['--sources', 'a'], 'unknown argument "--sources"'],
    ['redrive', ['--aws'], '--aws needs --stage (or SEC_AN_STAGE)'],
  ])('refuses %s %j with exit code 2, the precise error and the usage', async (name, args, message) => {
    const saved = process.env.SEC_AN_STAGE;
    delete process.env.SEC_AN_STAGE;
    try {
      const result = await run([name, ...args]);
      expect(result.code).toBe(2);
      expect(result.out).toBe('');
      expect(result.error).toBe(`sec-an ${name}: ${message}\n\n${usageOf(name)}`);
    } finally {
      if (saved !== undefined) process.env.SEC_AN_STAGE = saved;
    }
  });
});
