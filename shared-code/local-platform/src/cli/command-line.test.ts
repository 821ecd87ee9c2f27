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
    ['scan', [], 'no target given'],
    ['scan', ['--wait'], 'no target given'],
    ['scan', ['10.0.0.1', '--timeout', '60'], '--timeout goes with --wait'],
    [
      'scan',
      ['10.0.0.1', '--wait', '--timeout', '1.5'],
      '--timeout needs a whole number of at least 1, not "1.5"',
    ],
    ['scan', ['10.0.0.1', '--wait', '--timeout'], '--timeout needs a value'],
    ['scan', ['10.0.0.1', '--wait=no'], '--wait takes no value'],
    ['scan', ['10.0.0.1', '--stage', 'dev'], '--stage goes with --aws; the local platform has one stage'],
    ['scan', ['10.0.0.1', '--aws'], '--aws needs --stage (or SEC_AN_STAGE)'],
    ['scan', ['10.0.0.1', '--port', '443'], 'unknown option --port'],
    ['synth', [], 'name the stage: --stage <stage> (or SEC_AN_STAGE)'],
    ['synth', ['--stage', 'Dev'], 'the stage "Dev" must be lower-case letters, digits and dashes'],
    [
      'synth',
      ['nmap', '--stage', 'dev'],
      '"nmap" is not a project; the projects are shared-infra, analytics-platform, task-execution, nmap-scanner, ssl-scanner',
    ],
    ['deploy', ['--stage', 'dev'], 'no project given'],
    ['deploy', ['shared-infra'], 'name the stage: --stage <stage> (or SEC_AN_STAGE)'],
    ['deploy', ['shared-infra', '--stage', 'dev', '--yes'], 'unknown option --yes'],
    ['deploy', ['shared-infra', '--stage', 'dev', '--stage', 'prod'], '--stage is given twice'],
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
