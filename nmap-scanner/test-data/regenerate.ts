/**
 * Regenerates the nmap fixtures from real nmap runs against services started here on loopback addresses:
 * `node nmap-scanner/test-data/regenerate.ts` (as root for the OS detection fixture: nmap's -O needs raw
 * sockets). Every run goes through the scanner's own argument builder and artefact writer, so the fixtures are
 * what the scanner itself would store.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { findOnPath, runCommand } from '@sec-an/local-platform/processes';
import { parseScanScope } from '@sec-an/runtime/scan-scope';
import {
  buildNmapArguments,
  nmapVersion,
  type RawScanMetadata,
  rawMetadataFile,
  rawXmlFile,
  runNmapProcess,
  runScan,
  writeRawArtefact,
} from '../src/nmap-run/index.ts';
import { parseScanProfile, type ScanProfile } from '../src/scan-profile/index.ts';
import { type ValidatedTarget, validateScanTarget } from '../src/targets/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'nmap-fixtures-'));
const children: ChildProcess[] = [];
const servers: Server[] = [];

const scope = parseScanScope({ allow: { cidrs: ['127.0.0.0/8', '::1/128', '100::/64'] } });
const target = (address: string, hosts: string[] = []): ValidatedTarget =>
  validateScanTarget({ address, hosts }, scope);

/** Addresses of their own in 127/8, and ports nothing else here listens on. */
const hostA = '127.61.0.1';
const hostB = '127.61.0.2';
const hostEmpty = '127.61.0.3';
/** RFC 6666's discard prefix: nothing answers there, so nmap reports the host down. */
const downHost = '100::1';
const ports = { banner: 47025, http: 47080, tls: 47443, legacyTls: 47444, silent: 47026, closed: 47999 };

const run = async (command: string, args: string[]): Promise<void> => {
  const result = await runCommand(command, args, { cwd: work });
  if (result.exitCode !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.output}`);
};

const selfSigned = async (name: string, key: string[], days: number, subject: string, san: string) => {
  await run('openssl', [
    'req',
    '-x509',
    ...key,
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.crt`,
    '-days',
    String(days),
    '-subj',
    subject,
    '-addext',
    `subjectAltName=${san}`,
  ]);
};

const start = (command: string, args: string[]): void => {
  const child = spawn(command, args, { cwd: work, stdio: 'ignore' });
  children.push(child);
};

const listening = (server: Server, port: number, host: string): Promise<void> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
    servers.push(server);
  });

const waitForPort = async (host: string, port: number): Promise<void> => {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host, port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing listens on ${host} port ${port}`);
};

/** A plain TCP service: a banner, then silence. */
const bannerService = () =>
  createServer((socket) => {
    socket.on('error', () => undefined);
    socket.write('sec-an fixture service ready\r\n');
  });

/** Accepts and never answers: version detection waits on it until the host timeout. */
const silentService = () => createServer((socket) => socket.on('error', () => undefined));

const startEstate = async (): Promise<void> => {
  await selfSigned(
    'modern',
    ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
    90,
    '/CN=www.fixture.test/O=sec-an fixtures/C=GB',
    'DNS:www.fixture.test,DNS:fixture.test,IP:127.61.0.1',
  );
  await selfSigned(
    'legacy',
    ['-newkey', 'rsa:1024'],
    5,
    '/CN=legacy.fixture.test/O=sec-an fixtures',
    'DNS:legacy.fixture.test',
  );
  await selfSigned(
    'node',
    ['-newkey', 'rsa:2048'],
    400,
    '/CN=node.fixture.test',
    'DNS:node.fixture.test,IP:::1',
  );
  // openssl's own TLS server with known settings: TLS 1.2 and 1.3 only, and a legacy one (TLS 1.0, anonymous
  // key exchange allowed) that ssl-enum-ciphers grades F. Relative file names keep paths out of the fixtures.
  start('openssl', [
    's_server',
    '-accept',
    `${hostA}:${ports.tls}`,
    '-cert',
    'modern.crt',
    '-key',
    'modern.key',
    '-www',
    '-quiet',
    '-no_tls1',
    '-no_tls1_1',
  ]);
  start('openssl', [
    's_server',
    '-accept',
    `${hostB}:${ports.legacyTls}`,
    '-cert',
    'legacy.crt',
    '-key',
    'legacy.key',
    '-www',
    '-quiet',
    '-tls1',
    '-cipher',
    'ALL:@SECLEVEL=0',
  ]);
  start('python3', ['-m', 'http.server', String(ports.http), '--bind', hostA]);
  const key = readFileSync(join(work, 'node.key'));
  const cert = readFileSync(join(work, 'node.crt'));
  const https = createHttpsServer({ key, cert }, (_, response) => response.end('fixture'));
  await listening(https as unknown as Server, ports.tls, '::1');
  await listening(bannerService(), ports.banner, hostA);
  await listening(bannerService(), ports.banner, '::1');
  await listening(silentService(), ports.silent, hostA);
  for (const [host, port] of [
    [hostA, ports.tls],
    [hostB, ports.legacyTls],
    [hostA, ports.http],
  ] as const) {
    await waitForPort(host, port);
  }
};

const profile = (settings: object): ScanProfile => parseScanProfile(JSON.stringify(settings));

/** One nmap run over several targets of one family, stored as the scanner stores a scan. */
const fixtureRun = async (name: string, targets: ValidatedTarget[], scanProfile: ScanProfile) => {
  const outputDir = join(here, name);
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });
  const xmlPath = join(outputDir, 'nmap.xml');
  const args = buildNmapArguments({ targets, profile: scanProfile, xmlPath });
  const startedAt = new Date();
  const result = await runNmapProcess({
    nmapPath: 'nmap',
    args,
    timeoutMs: scanProfile.overallTimeoutSeconds * 1000,
  });
  if (result.exitCode !== 0) throw new Error(`nmap failed for ${name}:\n${result.output}`);
  const metadata: RawScanMetadata = {
    format: 'nmap-raw-scan',
    version: 1,
    requestId: randomUUID(),
    targets: targets.map(({ address, addressType, hosts }) => ({ address, addressType, hosts: [...hosts] })),
    profile: scanProfile,
    // The output folder is this machine's: the fixture keeps only the file name.
    nmap: {
      version: await nmapVersion('nmap'),
      arguments: args.map((arg) => (arg === xmlPath ? 'nmap.xml' : arg)),
    },
    startedAt: startedAt.toISOString(),
    endedAt: new Date().toISOString(),
    completion: 'complete',
    exitCode: result.exitCode,
    signal: result.signal,
  };
  await writeRawArtefact(outputDir, xmlPath, metadata);
  // nmap writes its command line, the output path included, into the XML: keep only the file name there too.
  const xmlGz = join(outputDir, rawXmlFile);
  const xml = gunzipSync(readFileSync(xmlGz)).toString('utf8').replaceAll(xmlPath, 'nmap.xml');
  writeFileSync(xmlGz, gzipSync(xml));
  process.stderr.write(
    `${name}: ${xml.length} bytes of XML in ${(Date.now() - startedAt.getTime()) / 1000} s\n`,
  );
  return { xml, metadata };
};

const privileged = process.getuid?.() === 0;

const main = async (): Promise<void> => {
  await startEstate();
  const services = await fixtureRun(
    'ipv4-services',
    // 127.0.0.1 is there for its reverse name (localhost); nothing of the estate listens on it.
    [
      target(hostA, ['www.fixture.test']),
      target(hostB, ['legacy.fixture.test']),
      target(hostEmpty),
      target('127.0.0.1'),
    ],
    profile({
      ports: Object.values(ports)
        .filter((port) => port !== ports.silent)
        .join(','),
      timing: 4,
      versionIntensity: 2,
      osDetection: privileged,
      scripts: ['ssl-cert', 'ssl-enum-ciphers', 'http-server-header', 'http-title', 'vulners'],
      hostTimeoutSeconds: 300,
      overallTimeoutSeconds: 600,
    }),
  );
  await fixtureRun(
    'ipv6-and-down',
    [target('::1', ['node.fixture.test']), target(downHost)],
    profile({
      ports: `${ports.banner},${ports.tls},${ports.closed}`,
      timing: 4,
      versionIntensity: 2,
      scripts: ['ssl-cert', 'ssl-enum-ciphers'],
      hostTimeoutSeconds: 300,
      overallTimeoutSeconds: 600,
    }),
  );
  await fixtureRun(
    'host-timeout',
    [target(hostA)],
    profile({ ports: String(ports.silent), timing: 4, hostTimeoutSeconds: 2, overallTimeoutSeconds: 60 }),
  );
  // Cut short by the runner itself at its overall timeout, as in production.
  const killedDir = join(here, 'killed');
  rmSync(killedDir, { recursive: true, force: true });
  const killed = await runScan(
    {
      contract: 'scan-request',
      version: 1,
      requestId: randomUUID(),
      origin: 'on-demand',
      requestedAt: new Date().toISOString(),
      target: { address: hostA, hosts: [] },
    },
    profile({ ports: String(ports.silent), timing: 4, hostTimeoutSeconds: 3, overallTimeoutSeconds: 3 }),
    { outputDir: killedDir, scope },
  );
  const killedXml = gunzipSync(readFileSync(killed.xmlGzPath))
    .toString('utf8')
    .replaceAll(join(killedDir, 'nmap.xml'), 'nmap.xml');
  writeFileSync(killed.xmlGzPath, gzipSync(killedXml));
  writeFileSync(
    killed.metadataPath,
    `${JSON.stringify({ ...killed.metadata, nmap: { ...killed.metadata.nmap, arguments: killed.metadata.nmap.arguments.map((arg) => (arg.endsWith('nmap.xml') ? 'nmap.xml' : arg)) } }, null, 2)}\n`,
  );
  // A file cut in the middle of its second host, and a gzip stream cut short: what a crash or a partial upload
  // leaves. Their metadata still says complete: the parser must see the cut itself.
  const cut = services.xml.indexOf('<host ', services.xml.indexOf('<host ') + 1) + 400;
  for (const [name, bytes] of [
    ['truncated-xml', gzipSync(services.xml.slice(0, cut))],
    ['truncated-gzip', gzipSync(services.xml).subarray(0, Math.floor(gzipSync(services.xml).length * 0.6))],
  ] as const) {
    const dir = join(here, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    writeFileSync(join(dir, rawXmlFile), bytes);
    writeFileSync(join(dir, rawMetadataFile), `${JSON.stringify(services.metadata, null, 2)}\n`);
  }
  // vulners needs vulners.com; with no egress it prints nothing. Its own documented XML output is kept as the
  // sample of that format, copied from the script nmap ships.
  const scripts = join(dirname(realpathSync(findOnPath('nmap') ?? 'nmap')), '..', 'share', 'nmap', 'scripts');
  const vulnersSource = readFileSync(join(scripts, 'vulners.nse'), 'utf8');
  const sample = /-- @xmloutput\n((?:--.*\n)+?)\n/.exec(vulnersSource)?.[1];
  if (sample === undefined) throw new Error('vulners.nse has no @xmloutput section');
  writeFileSync(
    join(here, 'vulners-xmloutput.xml'),
    `${sample
      .split('\n')
      .map((line) => line.replace(/^-- ?/, ''))
      .join('\n')
      .trim()}\n`,
  );
};

try {
  await main();
} finally {
  for (const child of children) child.kill('SIGTERM');
  for (const server of servers) server.close();
  rmSync(work, { recursive: true, force: true });
}
