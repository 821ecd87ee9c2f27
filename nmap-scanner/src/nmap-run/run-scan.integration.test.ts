import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { findOnPath } from '@sec-an/local-platform/processes';
import { parseScanScope } from '@sec-an/runtime/scan-scope';
import { parseScanProfile } from '../scan-profile/index.ts';
import { TargetRejectedError } from '../targets/index.ts';
import {
  exitCodeForArtefact,
  exitCodes,
  NmapFailedError,
  NmapMissingError,
  rawScanMetadataSchema,
  runNmapProcess,
  runScan,
} from './index.ts';

const scope = parseScanScope({ allow: { cidrs: ['127.0.0.0/8', '::1/128'] } });

const request = (address: string) => ({
  contract: 'scan-request' as const,
  version: 1 as const,
  requestId: randomUUID(),
  target: { address, hosts: ['svc.example.com'] },
  origin: 'on-demand' as const,
  requestedAt: new Date().toISOString(),
});

const listen = (server: Server, host: string): Promise<number> =>
  new Promise((resolve) =>
    server.listen(0, host, () => resolve((server.address() as { port: number }).port)),
  );

/** A service that accepts and never says anything: version detection waits on it. */
const silent = createServer((socket) => socket.on('error', () => undefined));
/** A service with a banner. */
const banner = createServer((socket) => {
  socket.on('error', () => undefined);
  socket.end('hello from the estate\r\n');
});
let silentPort = 0;
let bannerPort = 0;
let closedPort = 0;
const work = mkdtempSync(join(tmpdir(), 'nmap-run-'));

beforeAll(async () => {
  silentPort = await listen(silent, '127.0.0.1');
  bannerPort = await listen(banner, '127.0.0.1');
  const closing = createServer();
  closedPort = await listen(closing, '127.0.0.1');
  await new Promise((resolve) => closing.close(resolve));
});

afterAll(async () => {
  await Promise.all([silent, banner].map((server) => new Promise((resolve) => server.close(resolve))));
  rmSync(work, { recursive: true, force: true });
});

const quick = (overrides: object = {}) =>
  parseScanProfile(
    JSON.stringify({
      ports: `${bannerPort},${closedPort}`,
      timing: 5,
      versionDetection: false,
      scripts: [],
      reverseDns: false,
      hostTimeoutSeconds: 60,
      overallTimeoutSeconds: 60,
      ...overrides,
    }),
  );

describe('runScan (real nmap, loopback services)', () => {
  it('scans the target and stores gzipped XML with its metadata, marked complete', async () => {
    const outputDir = join(work, 'complete');
    const scan = request('127.0.0.1');
    const artefact = await runScan(scan, quick(), { outputDir, scope });
    const xml = gunzipSync(readFileSync(artefact.xmlGzPath)).toString('utf8');
    expect(xml).toContain(`portid="${bannerPort}"><state state="open"`);
    expect(xml).toContain(`portid="${closedPort}"><state state="closed"`);
    expect(xml).toContain('<runstats><finished');
    expect(existsSync(join(outputDir, 'nmap.xml'))).toBe(false);
    const metadata = rawScanMetadataSchema.parse(JSON.parse(readFileSync(artefact.metadataPath, 'utf8')));
    expect(metadata).toMatchObject({
      requestId: scan.requestId,
      targets: [{ address: '127.0.0.1', addressType: 'ipv4', hosts: ['svc.example.com'] }],
      completion: 'complete',
      exitCode: 0,
    });
    expect(metadata.nmap.version).toMatch(/^\d+\.\d+/);
    expect(metadata.nmap.arguments.slice(-2)).toEqual(['--', '127.0.0.1']);
    expect(Date.parse(metadata.endedAt)).toBeGreaterThanOrEqual(Date.parse(metadata.startedAt));
    expect(exitCodeForArtefact(artefact)).toBe(exitCodes.complete);
  });

  it('scans an IPv6 target with -6', async () => {
    const server = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.end();
    });
    const port = await listen(server, '::1');
    try {
      const artefact = await runScan(request('::1'), quick({ ports: String(port) }), {
        outputDir: join(work, 'ipv6'),
        scope,
      });
      const xml = gunzipSync(readFileSync(artefact.xmlGzPath)).toString('utf8');
      expect(xml).toContain('addr="::1" addrtype="ipv6"');
      expect(xml).toContain(`portid="${port}"><state state="open"`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('stops nmap at the overall timeout and keeps what it wrote, marked incomplete', async () => {
    const profile = quick({
      ports: String(silentPort),
      versionDetection: true,
      overallTimeoutSeconds: 2,
      hostTimeoutSeconds: 2,
    });
    const started = Date.now();
    const artefact = await runScan(request('127.0.0.1'), profile, {
      outputDir: join(work, 'timeout'),
      scope,
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(artefact.metadata).toMatchObject({ completion: 'incomplete', signal: 'SIGTERM' });
    expect(artefact.metadata.incompleteReason).toMatch(/overall-timeout/);
    const xml = gunzipSync(readFileSync(artefact.xmlGzPath)).toString('utf8');
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('<nmaprun');
    expect(xml).not.toContain('</nmaprun>');
    expect(exitCodeForArtefact(artefact)).toBe(exitCodes.incomplete);
  });

  it('refuses a hostile or out-of-scope target before nmap starts', async () => {
    // A missing nmap would fail with NmapMissingError: the refusal proves nothing was spawned first.
    const nmapPath = join(work, 'no-such-nmap');
    for (const address of ['-oN /tmp/x', '--script=vuln', '127.0.0.1;id', '10.9.9.9']) {
      await expect(
        runScan(request(address), quick(), { outputDir: join(work, 'refused'), scope, nmapPath }),
      ).rejects.toThrow(TargetRejectedError);
    }
    expect(existsSync(join(work, 'refused'))).toBe(false);
  });

  it('names a missing nmap, and a failing one', async () => {
    await expect(
      runScan(request('127.0.0.1'), quick(), {
        outputDir: join(work, 'missing'),
        scope,
        nmapPath: join(work, 'nmap'),
      }),
    ).rejects.toThrow(NmapMissingError);
    const failing = findOnPath('false') ?? 'false';
    await expect(
      runScan(request('127.0.0.1'), quick(), { outputDir: join(work, 'failing'), scope, nmapPath: failing }),
    ).rejects.toThrow(NmapFailedError);
  });

  it('takes what follows `--` as targets, never as options (nmap itself)', async () => {
    const planted = join(work, 'planted.txt');
    const result = await runNmapProcess({
      nmapPath: 'nmap',
      args: ['-sT', '-Pn', '-n', '-p', String(bannerPort), '--', `-oN${planted}`, '127.0.0.1'],
      timeoutMs: 30_000,
    });
    expect(result.output).toContain(`target expression: "-oN${planted}"`);
    expect(existsSync(planted)).toBe(false);
  });
});
