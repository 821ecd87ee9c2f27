import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { SetupError } from '../errors/index.ts';
import { findFreePort } from '../ports/index.ts';
import { stopProcess } from '../processes/index.ts';
import { fallbackNodeRoot, findJavaHome, installOpenSearch, startOpenSearch } from './index.ts';

describe('OpenSearch set-up failures', () => {
  const savedHome = process.env.SEC_AN_HOME;
  afterEach(() => {
    if (savedHome === undefined) delete process.env.SEC_AN_HOME;
    else process.env.SEC_AN_HOME = savedHome;
  });

  it('names a missing Java and how to get one', async () => {
    await expect(findJavaHome('/nonexistent/jdk')).rejects.toThrow(
      /OpenSearch needs Java 11 or newer .* install it \(apt-get install openjdk-17-jre-headless\)/,
    );
  });

  it('refuses to start without Java, before starting anything', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'sec-an-opensearch-'));
    const start = startOpenSearch({
      httpPort: await findFreePort(),
      transportPort: await findFreePort(),
      stateDir,
      readyTimeoutMs: 5_000,
      javaHome: '/nonexistent/jdk',
    });
    await expect(start).rejects.toThrow(SetupError);
  });

  it('finds the machine Java', async () => {
    await expect(findJavaHome()).resolves.toMatch(/\//);
  });

  it('runs from a state folder that only root may enter (a checkout under /root)', async () => {
    const rootOnly = mkdtempSync(join(tmpdir(), 'sec-an-root-only-'));
    chmodSync(rootOnly, 0o700);
    const stateDir = join(rootOnly, 'state');
    const node = await startOpenSearch({
      httpPort: await findFreePort(),
      transportPort: await findFreePort(),
      stateDir,
      readyTimeoutMs: 120_000,
      fresh: true,
    });
    try {
      const info = (await (await fetch(node.endpoint)).json()) as { version: { number: string } };
      expect(info.version.number).toMatch(/^2\.19\./);
    } finally {
      await stopProcess(node.process);
      rmSync(fallbackNodeRoot(stateDir), { recursive: true, force: true });
    }
  }, 180_000);

  it('names a failed download and what to check', async () => {
    process.env.SEC_AN_HOME = mkdtempSync(join(tmpdir(), 'sec-an-home-'));
    await expect(installOpenSearch('0.0.1-no-such-release')).rejects.toThrow(
      /could not download org\.opensearch\.distribution\.integ-test-zip:opensearch:0\.0\.1-no-such-release:zip from Maven Central[\s\S]*check the network connection/,
    );
  }, 120_000);
});
