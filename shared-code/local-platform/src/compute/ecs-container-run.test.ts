import { describe, expect, it } from '@jest/globals';
import { ComputeError } from './compute-error.ts';
import { containerRuns } from './ecs-container-run.ts';

const context = {
  family: 'scanner',
  imageEnvironment: { PATH: '/usr/bin', SHARED: 'image' },
  baseEnvironment: { AWS_REGION: 'eu-west-2', SHARED: 'base' },
  ecsEnvironment: { AWS_EXECUTION_ENV: 'AWS_ECS_FARGATE' },
};

describe('containerRuns', () => {
  it('joins entry point and command, and layers base, ECS, definition and override environments', () => {
    const runs = containerRuns(
      [
        {
          name: 'scan',
          entryPoint: ['node'],
          command: ['scan.js', '--all'],
          environment: [
            { name: 'SHARED', value: 'definition' },
            { name: 'TARGET', value: 'none' },
          ],
        },
      ],
      { containerOverrides: [{ name: 'scan', environment: [{ name: 'TARGET', value: '192.0.2.1' }] }] },
      context,
    );

    expect(runs).toEqual([
      {
        containerName: 'scan',
        argv: ['node', 'scan.js', '--all'],
        environment: {
          PATH: '/usr/bin',
          AWS_REGION: 'eu-west-2',
          AWS_EXECUTION_ENV: 'AWS_ECS_FARGATE',
          SHARED: 'definition',
          TARGET: '192.0.2.1',
        },
      },
    ]);
  });

  it("replaces the command with the override's, and runs only essential containers", () => {
    const runs = containerRuns(
      [
        { name: 'main', command: ['nmap', '-oX', '-'] },
        { name: 'sidecar', command: ['sleep', '60'], essential: false },
      ],
      { containerOverrides: [{ name: 'main', command: ['nmap', '-sV', '192.0.2.1'] }] },
      context,
    );

    expect(runs.map(({ containerName, argv }) => [containerName, argv])).toEqual([
      ['main', ['nmap', '-sV', '192.0.2.1']],
    ]);
  });

  it('refuses a container without a command, naming it and its task definition', () => {
    expect(() => containerRuns([{ name: 'main', image: 'nmap' }], undefined, context)).toThrow(
      new ComputeError(
        "container main of task definition scanner has no command: the image's default command cannot run locally",
      ),
    );
  });
});
