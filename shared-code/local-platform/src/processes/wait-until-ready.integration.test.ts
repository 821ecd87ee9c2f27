import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { SetupError } from '../errors/index.ts';
import { isAlive, startProcess, waitUntilReady } from './index.ts';

const logFile = () => join(mkdtempSync(join(tmpdir(), 'sec-an-process-')), 'out.log');

describe('waiting for a backend to get ready', () => {
  it('stops a process that never gets ready, and says so within the bound', async () => {
    const record = startProcess({
      name: 'sleeper',
      command: 'sleep',
      args: ['30'],
      logFile: logFile(),
      marker: 'sleep',
    });
    const began = Date.now();
    await expect(waitUntilReady(record, { probe: async () => false, timeoutMs: 1_000 })).rejects.toThrow(
      /sleeper was not ready after 1 s and was stopped/,
    );
    expect(Date.now() - began).toBeLessThan(10_000);
    expect(isAlive(record.pid)).toBe(false);
  });

  it('reports the last output of a process that exits during start-up', async () => {
    const record = startProcess({
      name: 'crasher',
      command: process.execPath,
      args: ['-e', 'console.error("fatal: bad setting x.y"); process.exit(3)'],
      logFile: logFile(),
      marker: 'crasher',
    });
    const wait = waitUntilReady(record, { probe: async () => false, timeoutMs: 10_000 });
    await expect(wait).rejects.toThrow(SetupError);
    await expect(wait).rejects.toThrow(
      /crasher exited during start-up; its last output:\nfatal: bad setting x\.y/,
    );
  });
});
