import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { strToU8, zipSync } from 'fflate';
import { ComputeError } from './compute-error.ts';
import { unpackPackage } from './function-package.ts';
import { type TestWorkspace, testWorkspace } from './test-functions.ts';

let workspace: TestWorkspace;
beforeAll(async () => {
  workspace = await testWorkspace();
});
afterAll(() => workspace.remove());

const zipOf = async (name: string, files: Record<string, string>): Promise<string> => {
  const path = join(workspace.dir, name);
  await writeFile(
    path,
    zipSync(Object.fromEntries(Object.entries(files).map(([file, text]) => [file, strToU8(text)]))),
  );
  return path;
};

describe('unpacking a deployment package', () => {
  it('writes its files, folders included, into a fresh task root', async () => {
    const taskRoot = join(workspace.dir, 'fresh');
    await unpackPackage(await zipOf('v1.zip', { 'index.mjs': 'v1', 'old.js': 'gone later' }), taskRoot);
    await unpackPackage(await zipOf('v2.zip', { 'index.mjs': 'v2', 'lib/util.js': 'util' }), taskRoot);
    expect(readFileSync(join(taskRoot, 'index.mjs'), 'utf8')).toBe('v2');
    expect(readFileSync(join(taskRoot, 'lib/util.js'), 'utf8')).toBe('util');
    expect(existsSync(join(taskRoot, 'old.js'))).toBe(false);
  });

  it('refuses an entry that would land outside the task root', async () => {
    const archive = await zipOf('slip.zip', { 'index.mjs': 'ok', '../escaped.js': 'no' });
    await expect(unpackPackage(archive, join(workspace.dir, 'slip'))).rejects.toThrow(
      'deployment package entry "../escaped.js" points outside its folder',
    );
    expect(existsSync(join(workspace.dir, 'escaped.js'))).toBe(false);
  });

  it('names a package that is missing or not a zip', async () => {
    const notZip = join(workspace.dir, 'not.zip');
    await writeFile(notZip, 'plain text');
    await expect(unpackPackage(notZip, join(workspace.dir, 'x'))).rejects.toThrow(ComputeError);
    await expect(unpackPackage(notZip, join(workspace.dir, 'x'))).rejects.toThrow(
      `${notZip} is not a zip archive`,
    );
    const missing = join(workspace.dir, 'missing.zip');
    await expect(unpackPackage(missing, join(workspace.dir, 'y'))).rejects.toThrow(
      `cannot read the deployment package ${missing}`,
    );
  });
});
