import { describe, expect, it } from '@jest/globals';
import { cdktfDeployArgs, parseDeployArguments } from './commands/deploy.ts';
import { parseLogsArguments } from './commands/logs.ts';
import { parseScanArguments } from './commands/scan.ts';
import { parseSynthArguments } from './commands/synth.ts';

const names = (projects: readonly { name: string }[]) => projects.map(({ name }) => name);

describe("the commands' arguments", () => {
  it('scan: targets, --wait with its default or given timeout, and the backends', () => {
    expect(parseScanArguments(['10.0.0.1', 'www.example.com'], {})).toEqual({
      targets: ['10.0.0.1', 'www.example.com'],
      backends: { kind: 'local' },
    });
    expect(parseScanArguments(['10.0.0.1', '--wait'], {}).waitSeconds).toBe(900);
    expect(parseScanArguments(['--wait', '--timeout', '30', '10.0.0.1'], {}).waitSeconds).toBe(30);
    expect(parseScanArguments(['10.0.0.1', '--aws'], { SEC_AN_STAGE: 'dev' }).backends).toEqual({
      kind: 'aws',
      stage: 'dev',
    });
    expect(
      parseScanArguments(['10.0.0.1', '--aws', '--stage', 'prod'], { SEC_AN_STAGE: 'dev' }).backends,
    ).toEqual({ kind: 'aws', stage: 'prod' });
  });

  it('synth: every project in deploy order by default, the named ones in deploy order otherwise', () => {
    const all = parseSynthArguments([], { SEC_AN_STAGE: 'dev' });
    expect(all.stage).toBe('dev');
    expect(names(all.projects)).toEqual([
      'shared-infra',
      'analytics-platform',
      'task-execution',
      'nmap-scanner',
      'ssl-scanner',
    ]);
    expect(names(parseSynthArguments(['nmap-scanner', 'shared-infra', '--stage', 'x'], {}).projects)).toEqual(
      ['shared-infra', 'nmap-scanner'],
    );
  });

  it('deploy: the named projects in deploy order, and cdktf deploy of every stack', () => {
    const options = parseDeployArguments(['task-execution', 'analytics-platform', '--auto-approve'], {
      SEC_AN_STAGE: 'dev',
    });
    expect(names(options.projects)).toEqual(['analytics-platform', 'task-execution']);
    expect(options).toMatchObject({ stage: 'dev', autoApprove: true });
    expect(cdktfDeployArgs(true)).toEqual(['deploy', '*', '--auto-approve']);
    expect(cdktfDeployArgs(false)).toEqual(['deploy', '*']);
  });

  it('logs: 40 lines of the platform log by default', () => {
    expect(parseLogsArguments([])).toEqual({ lines: 40 });
    expect(parseLogsArguments(['ingest', '--lines', '7'])).toEqual({ lines: 7, wanted: 'ingest' });
  });
});
