import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { repositoryRoot } from '../paths/index.ts';
import { readRunnerRecord } from '../platform/index.ts';
import { assertPortFree, findFreePort } from '../ports/index.ts';
import { isAlive } from '../processes/index.ts';

const sec = (command: string, env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, [join(repositoryRoot, 'shared-code/local-platform/src/cli/main.ts'), command], {
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, ...env },
  });

describe('./sec-an up, status and down', () => {
  it('deploys every synthesized project, reports it, and leaves no process behind when stopped', async () => {
    const instance = 'up-command-test';
    const ports = { moto: await findFreePort(), http: await findFreePort(), transport: await findFreePort() };
    const env = {
      SEC_AN_INSTANCE: instance,
      SEC_AN_MOTO_PORT: String(ports.moto),
      SEC_AN_OPENSEARCH_PORT: String(ports.http),
      SEC_AN_OPENSEARCH_TRANSPORT_PORT: String(ports.transport),
    };
    const up = sec('up', env);
    const runner = readRunnerRecord(instance);
    const status = sec('status', env);
    const down = sec('down', env);

    expect(up.stderr).toBe('');
    expect(up.status).toBe(0);
    expect(up.stdout).toMatch(/synth {6}shared-infra: 5 stack\(s\) in/);
    expect(up.stdout).toMatch(/synth {6}analytics-platform: 5 stack\(s\) in/);
    const stackCount = /provision {2}\[(\d+)\/\1\] \S+: \d+ applied/.exec(up.stdout)?.[1];
    expect(stackCount).toBeDefined();
    expect(up.stdout).toMatch(
      /invoke {5}analytics-platform\/search-content\/\S+: sec-an-local-analytics-platform-search-setup in/,
    );
    expect(up.stdout).toMatch(/up in \d+\.\d s/);
    expect(status.stdout).toMatch(
      new RegExp(`platform {4}pid \\d+ running, ready since .*: ${stackCount} stacks`),
    );
    expect(status.stdout).toContain('not applied locally (no local engine): ');
    expect(status.stdout).toContain('aws_iam_role');
    expect(down.stdout).toContain('stopped the platform, moto and OpenSearch');

    expect(runner).toBeDefined();
    expect(isAlive(runner?.pid ?? 0)).toBe(false);
    for (const port of Object.values(ports)) {
      await expect(assertPortFree(port, 'the check')).resolves.toBeUndefined();
    }
  }, 300_000);
});
