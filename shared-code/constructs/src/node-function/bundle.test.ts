import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { unzipSync } from 'fflate';
import { bundleHandler } from './bundle.ts';
import { bundleCacheVariable } from './bundle-cache.ts';

describe('bundleHandler', () => {
  const runCache = process.env[bundleCacheVariable];
  let work: string;
  let entry: string;
  const writeMessage = (text: string) =>
    writeFileSync(join(work, 'message.ts'), `export const message = ${JSON.stringify(text)};\n`);
  const moduleText = (directory: string) => readFileSync(join(directory, 'index.mjs'), 'utf8');

  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'sec-an-bundle-'));
    entry = join(work, 'handler.ts');
    writeFileSync(
      entry,
      "import { message } from './message.ts';\nexport const handler = async () => message;\n",
    );
    writeMessage('first');
    delete process.env[bundleCacheVariable];
  });

  afterEach(() => {
    if (runCache === undefined) delete process.env[bundleCacheVariable];
    else process.env[bundleCacheVariable] = runCache;
    rmSync(work, { recursive: true, force: true });
  });

  it('zips the module and its source map into the same bytes every time', () => {
    const first = bundleHandler(entry, join(work, 'out', 'fn'));
    const zipped = readFileSync(first.archive);
    expect(Object.keys(unzipSync(zipped)).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    expect(Buffer.from(unzipSync(zipped)['index.mjs'] ?? []).toString()).toEqual(moduleText(first.directory));
    const again = bundleHandler(entry, join(work, 'again', 'fn'));
    expect(readFileSync(again.archive).equals(zipped)).toBe(true);
    expect(again.fromCache).toBe(false);
  });

  it('copies a cached bundle while its inputs are unchanged, and rebuilds when one changes', () => {
    process.env[bundleCacheVariable] = join(work, 'cache');
    const built = bundleHandler(entry, join(work, 'a', 'fn'));
    expect(built.fromCache).toBe(false);

    const copied = bundleHandler(entry, join(work, 'b', 'fn'));
    expect(copied.fromCache).toBe(true);
    expect(moduleText(copied.directory)).toEqual(moduleText(built.directory));
    expect(readFileSync(copied.archive).equals(readFileSync(built.archive))).toBe(true);

    writeMessage('second');
    const rebuilt = bundleHandler(entry, join(work, 'c', 'fn'));
    expect(rebuilt.fromCache).toBe(false);
    expect(moduleText(rebuilt.directory)).toContain('second');
    expect(moduleText(rebuilt.directory)).not.toContain('first');
  });
});
