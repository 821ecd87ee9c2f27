import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { instanceDir, repositoryRoot } from '../paths/index.ts';
import { assertPortFree, findFreePort } from '../ports/index.ts';

describe('./sec-an demo (the main job)', () => {
  it('brings both backends up, runs the smoke flow, prints it, and stops them', async () => {
    const instance = 'demo-command-test';
    const ports = { moto: await findFreePort(), http: await findFreePort(), transport: await findFreePort() };
    const run = spawnSync(
      process.execPath,
      [join(repositoryRoot, 'shared-code/local-platform/src/cli/main.ts'), 'demo'],
      {
        encoding: 'utf8',
        timeout: 240_000,
        env: {
          ...process.env,
          SEC_AN_INSTANCE: instance,
          SEC_AN_MOTO_PORT: String(ports.moto),
          SEC_AN_OPENSEARCH_PORT: String(ports.http),
          SEC_AN_OPENSEARCH_TRANSPORT_PORT: String(ports.transport),
        },
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`moto        http://127.0.0.1:${ports.moto}  ready in`);
    expect(run.stdout).toContain(`OpenSearch  http://127.0.0.1:${ports.http}  ready in`);
    expect(run.stdout).toContain('subscription filtered on origin=on-demand received 2');
    expect(run.stdout).toContain('terms aggregation by origin: plan=6, on-demand=2');
    expect(run.stdout).toContain('stopped     moto and OpenSearch');

    expect(existsSync(join(instanceDir(instance), 'backends.json'))).toBe(false);
    for (const port of Object.values(ports))
      await expect(assertPortFree(port, 'the check')).resolves.toBeUndefined();
  }, 300_000);
});
