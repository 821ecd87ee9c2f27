import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { exitCodes } from '../nmap-run/index.ts';
import { bundleEntrypoint } from './entrypoint-bundle.ts';

const work = mkdtempSync(join(tmpdir(), 'nmap-bundle-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the entrypoint bundle the image runs', () => {
  it('runs on its own under Node, away from the sources and their packages, and exits with its codes', () => {
    const directory = bundleEntrypoint(join(work, 'entrypoint'));
    expect(existsSync(join(directory, 'index.mjs'))).toBe(true);

    const run = spawnSync(process.execPath, [join(directory, 'index.mjs')], {
      cwd: work,
      env: { PATH: process.env.PATH, SEC_AN_SCAN_REQUEST_ID: '0b7c5d1e-8a57-4c55-9c8e-5f3f7b9b0a11' },
      encoding: 'utf8',
    });

    expect(run.status).toBe(exitCodes.configuration);
    expect(run.stderr).toContain('SEC_AN_RESULTS_BUCKET is not set');
  }, 60_000);
});
