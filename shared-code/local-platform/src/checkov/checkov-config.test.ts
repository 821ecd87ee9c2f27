import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { repositoryRoot } from '../paths/index.ts';
import { configuredSkips } from './configured-skips.ts';

const configFile = join(repositoryRoot, '.checkov.yaml');
const lines = readFileSync(configFile, 'utf8').split('\n');

describe('.checkov.yaml', () => {
  it('gives the reason of every skipped check in a comment on the line above it', () => {
    const skips = lines.flatMap((line, index) => (/^\s*- CKV/.test(line) ? [index] : []));
    expect(skips).toHaveLength(configuredSkips(configFile).length);
    const unexplained = skips
      .filter((index) => !/^\s*# \S/.test(lines[index - 1] ?? ''))
      .map((i) => lines[i]);
    expect(unexplained).toEqual([]);
  });

  it('skips nothing but checks', () => {
    const keys = lines.filter((line) => /^[a-z-]+:/.test(line)).map((line) => line.split(':')[0]);
    expect(keys).toEqual(['skip-check']);
  });
});
