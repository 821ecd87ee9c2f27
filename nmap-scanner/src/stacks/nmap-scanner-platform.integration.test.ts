import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { scanRequestV1 } from '@sec-an/contracts/scan-request';
import { changeIndex, snapshotIndex } from '@sec-an/contracts/search-index';
import { backendsEnvironment } from '@sec-an/local-platform/backends';
import { type DeployResult, deployPlatform } from '@sec-an/local-platform/platform';
import { runCommand } from '@sec-an/local-platform/processes';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { openSearchClient } from '@sec-an/runtime/opensearch';
import { readParameter } from '@sec-an/runtime/parameters';
import { publishMessages } from '@sec-an/runtime/sns';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { nmapTask } from '../results-parser/index.ts';

/** The local estate: one address with a TLS, an HTTP and a plain TCP service and a closed port; one with nothing. */
const estate = { services: '127.62.0.1', empty: '127.62.0.2' } as const;
const ports = { tls: 47210, http: 47211, banner: 47212, closed: 47213 } as const;
/** The name the scan request gives the services' address: nmap passes it on, and the TLS scanner sends it in SNI. */
const hostName = 'www.estate.test';
const tlsEndpoint = `${estate.services}:${ports.tls}`;
const scanProfile = {
  ports: Object.values(ports).join(','),
  timing: 5,
  versionIntensity: 2,
  scripts: ['ssl-cert'],
  hostDiscovery: false,
  reverseDns: false,
  hostTimeoutSeconds: 60,
  overallTimeoutSeconds: 120,
};
const scanScope = { allow: { cidrs: ['127.62.0.0/24'], suffixes: [] }, deny: { cidrs: [], suffixes: [] } };
/** ssl-scanner's project and task (a literal: nmap-scanner does not depend on the package). */
const tlsTask = 'ssl-scanner';

const store = () => openSearchClient({ endpoint: testBackends().openSearchEndpoint, auth: 'none' });

/**
 * Polls until what `observe` sees satisfies `done`, or fails after `withinMs` naming what it waited for, what it
 * expected and what it saw last: the platform's steps are asynchronous, so a partial view is no failure yet.
 */
const eventually = async <T>(
  what: string,
  observe: () => Promise<T>,
  done: (seen: T) => boolean,
  expected: string,
  withinMs = 90_000,
): Promise<T> => {
  const deadline = Date.now() + withinMs;
  let last: unknown;
  for (;;) {
    try {
      const seen = await observe();
      if (done(seen)) return seen;
      last = seen;
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not seen within ${withinMs / 1000} s; expected ${expected}, last seen ${JSON.stringify(last)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
};

/** Waits for exactly `expected` (a sorted list): the whole set, not the first part of it to arrive. */
const eventuallyExactly = (
  what: string,
  observe: () => Promise<readonly string[]>,
  expected: readonly string[],
  withinMs?: number,
): Promise<readonly string[]> =>
  eventually(
    what,
    observe,
    (seen) => JSON.stringify(seen) === JSON.stringify(expected),
    JSON.stringify(expected),
    withinMs,
  );

const sources = async (index: string, query: string) => {
  await store().indices.refresh({ index, ignore_unavailable: true });
  const response = await store().search({
    index,
    ignore_unavailable: true,
    body: { query: { query_string: { query } }, size: 200 },
  });
  return response.body.hits.hits.map((hit) => hit._source as Record<string, unknown>);
};

/** The open ports of an address in the port snapshot, as `port service tls`. */
const openPorts = async (address: string) =>
  (await sources(snapshotIndex(nmapTask, 'port'), `subject.label:"${address}" AND state:open`))
    .map(({ port, service, tls }) => `${port} ${service} ${tls}`)
    .sort();

/** The TLS scanner's documents of one type in its snapshot, whatever endpoint. */
const tlsDocuments = (type: string) => sources(snapshotIndex(tlsTask, type), '*');

/** Each document of a type summarised by `fields`, sorted: what a wait compares. */
const summaries = async (type: string, fields: readonly string[]) =>
  (await tlsDocuments(type))
    .map((document) => fields.map((field) => JSON.stringify(document[field] ?? null)).join(' '))
    .sort();

const summary = (...values: readonly unknown[]) => values.map((value) => JSON.stringify(value)).join(' ');

/** What the scanner's results must hold per scan: the one without SNI (`''`) and the one as the requested name. */
const serverNames = ['', hostName] as const;

const perName = (each: (serverName: string) => readonly string[]) => serverNames.flatMap(each).sort();

/** The snapshot's certificates by fingerprint. */
const certificatesByFingerprint = async (): Promise<Record<string, Record<string, unknown>>> =>
  Object.fromEntries(
    (await tlsDocuments('certificate')).map((document) => [String(document.fingerprintSha256), document]),
  );

const listening = (server: Server, port: number, host: string): Promise<Server> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });

/** Connections a server holds: closing it ends them, since `close` waits for every one. */
const connections = new WeakMap<Server, Set<Socket>>();

const closing = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.close(() => resolve());
    for (const socket of connections.get(server) ?? []) socket.destroy();
  });

/** A plain TCP service: a banner, then it hangs up. */
const bannerService = (): Server => {
  const open = new Set<Socket>();
  const server = createServer((socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => undefined);
    socket.end('sec-an estate service ready\r\n');
  });
  connections.set(server, open);
  return server;
};

/**
 * Python's HTTP server, which nmap's version detection names (`SimpleHTTPServer`); with a TLS context it is the
 * TLS service. The handshake happens in each connection's thread, so a probe that sends nothing holds up no other.
 */
const pythonHttps = [
  'import http.server, ssl, sys',
  'server = http.server.ThreadingHTTPServer((sys.argv[1], int(sys.argv[2])), http.server.SimpleHTTPRequestHandler)',
  'context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)',
  'context.load_cert_chain(sys.argv[3], sys.argv[4])',
  'server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)',
  'server.serve_forever()',
].join('\n');

/**
 * The suites the TLS service's context enables, by protocol, as cipher codes: what the scanner must find. The
 * context is made as the service makes it; with an ECDSA certificate only ECDSA-authenticated TLS 1.2 suites can
 * be negotiated (TLS 1.3 suites do not depend on the certificate).
 */
const pythonServerSuites = [
  'import json, ssl',
  'context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)',
  'print(json.dumps([[c["protocol"], c["auth"], c["id"] & 0xFFFF] for c in context.get_ciphers()]))',
].join('\n');

const serverSuites = async (): Promise<{ tls12: string[]; tls13: string[] }> => {
  const run = await runCommand('python3', ['-c', pythonServerSuites]);
  if (run.exitCode !== 0) throw new Error(`python3 could not list its TLS context's suites: ${run.output}`);
  const suites = JSON.parse(run.output) as [string, string, number][];
  const codes = (keep: (protocol: string, auth: string) => boolean) =>
    suites
      .filter(([protocol, auth]) => keep(protocol, auth))
      .map(([, , code]) => `0x${code.toString(16).toUpperCase().padStart(4, '0')}`)
      .sort();
  return {
    tls12: codes((protocol, auth) => protocol === 'TLSv1.2' && auth === 'auth-ecdsa'),
    tls13: codes((protocol) => protocol === 'TLSv1.3'),
  };
};

/** A self-signed P-256 certificate for the estate's name, made by openssl now; its SHA-256 fingerprint. */
const selfSignedCertificate = async (directory: string, label: string) => {
  const files = { certificate: join(directory, `${label}.crt`), key: join(directory, `${label}.key`) };
  const openssl = await runCommand('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    files.key,
    '-out',
    files.certificate,
    '-days',
    '30',
    '-subj',
    `/CN=${hostName}`,
    '-addext',
    `subjectAltName=DNS:${hostName}`,
  ]);
  if (openssl.exitCode !== 0) throw new Error(`openssl could not make ${label}: ${openssl.output}`);
  const fingerprint = new X509Certificate(readFileSync(files.certificate)).fingerprint256
    .replaceAll(':', '')
    .toLowerCase();
  return { ...files, fingerprint };
};

const accepting = async (host: string, port: number): Promise<void> => {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, host, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing accepts on ${host}:${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const stopped = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** The keys of a bucket's objects under a prefix. */
const keysUnder = async (bucket: string, prefix: string): Promise<string[]> => {
  const { Contents = [] } = await awsClient(S3Client).send(
    new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }),
  );
  return Contents.map(({ Key = '' }) => Key).sort();
};

const gunzippedJson = async (bucket: string, key: string): Promise<Record<string, unknown>> => {
  const { Body } = await awsClient(S3Client).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return JSON.parse(gunzipSync(await (Body?.transformToByteArray() ?? new Uint8Array())).toString('utf8'));
};

describe('nmap-scanner on the local platform, against a local estate of real services', () => {
  useCleanBackends();
  const work = mkdtempSync(join(tmpdir(), 'nmap-platform-'));
  const servers = new Map<string, Server>();
  const children = new Map<string, ChildProcess>();

  const startPython = async (name: string, args: string[], port: number): Promise<void> => {
    children.set(name, spawn('python3', args, { cwd: work, stdio: 'ignore' }));
    await accepting(estate.services, port);
  };
  const httpArgs = (port: number) => ['-m', 'http.server', String(port), '--bind', estate.services];
  const startTls = (certificate: { certificate: string; key: string }) =>
    startPython(
      'tls',
      ['-c', pythonHttps, estate.services, String(ports.tls), certificate.certificate, certificate.key],
      ports.tls,
    );
  let deployed: DeployResult | undefined;
  let firstCertificate = { certificate: '', key: '', fingerprint: '' };
  let rotatedCertificate = { certificate: '', key: '', fingerprint: '' };
  let tlsRawBucket = '';

  const publishScan = async (address: string): Promise<string> => {
    const requestId = randomUUID();
    await publishMessages(
      await readParameter({ project: 'task-execution', thing: 'scan-request-topic', attribute: 'arn' }),
      scanRequestV1,
      [
        {
          contract: 'scan-request',
          version: 1,
          requestId,
          target: { address, hosts: address === estate.services ? [hostName] : [] },
          origin: 'on-demand',
          requestedAt: new Date().toISOString(),
        },
      ],
    );
    return requestId;
  };

  /** The TLS scanner's raw objects, and the dead letters of any of its queues. */
  const tlsRawKeys = () => keysUnder(tlsRawBucket, 'raw/');
  const tlsDeadLetters = async () =>
    (
      await keysUnder(
        await readParameter({ project: 'shared-infra', thing: 'dead-letter-bucket', attribute: 'name' }),
        'dead-letters/',
      )
    ).filter((key) => key.includes(tlsTask));

  beforeAll(async () => {
    firstCertificate = await selfSignedCertificate(work, 'first');
    rotatedCertificate = await selfSignedCertificate(work, 'rotated');
    await startTls(firstCertificate);
    await startPython('http', httpArgs(ports.http), ports.http);
    servers.set('banner', await listening(bannerService(), ports.banner, estate.services));

    const environment = {
      ...backendsEnvironment(testBackends()),
      SEC_AN_SCAN_SCOPE: JSON.stringify(scanScope),
      SEC_AN_NMAP_SCAN_PROFILE: JSON.stringify(scanProfile),
    };
    deployed = await deployPlatform({
      instance: process.env.SEC_AN_TEST_INSTANCE ?? 'test',
      environment,
      compute: {
        stateDir: join(work, 'state'),
        environment: { ...environment, POWERTOOLS_LOG_LEVEL: 'WARN' },
        ecsPollIntervalMs: 200,
      },
    });
    tlsRawBucket = await readParameter({
      project: tlsTask,
      thing: `${tlsTask}-raw-results`,
      attribute: 'name',
    });
  }, 420_000);

  afterAll(async () => {
    await deployed?.compute.stop();
    await Promise.all([...servers.values()].map(closing));
    await Promise.all([...children.values()].map(stopped));
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('scans each requested address in a task and ingests exactly its open ports and services', async () => {
    await publishScan(estate.services);
    await publishScan(estate.empty);

    await eventuallyExactly('the first scan in the port snapshot', () => openPorts(estate.services), [
      `${ports.tls} http true`,
      `${ports.http} http false`,
      `${ports.banner} unknown false`,
    ]);
    const closed = await sources(
      snapshotIndex(nmapTask, 'port'),
      `subject.label:"${estate.services}" AND state:closed`,
    );
    expect(closed.map(({ port }) => port)).toEqual([ports.closed]);
    const empty = await eventually(
      'the empty address in the host snapshot',
      () => sources(snapshotIndex(nmapTask, 'host'), `subject.label:"${estate.empty}"`),
      (seen) => seen.length > 0,
      `a host document of ${estate.empty}`,
    );
    expect(empty).toEqual([expect.objectContaining({ address: estate.empty, status: 'up' })]);
    expect(await openPorts(estate.empty)).toEqual([]);
    const [certificate] = await sources(
      snapshotIndex(nmapTask, 'certificate'),
      `subject.label:"${estate.services}"`,
    );
    expect(certificate).toMatchObject({ port: ports.tls, dnsNames: [hostName] });
  }, 120_000);

  it('sends the TLS port, and no other, through the filter policy to the TLS scanner, which scans it without SNI and as the requested name', async () => {
    const [key, ...others] = await eventually(
      "the TLS scanner's raw object",
      tlsRawKeys,
      (keys) => keys.length > 0,
      `one tls-observations-${ports.tls}.json.gz`,
    );
    expect(others).toEqual([]);
    expect(key).toMatch(new RegExp(`/tls-observations-${ports.tls}\\.json\\.gz$`));
    const raw = await gunzippedJson(tlsRawBucket, key ?? '');
    expect(raw).toMatchObject({
      request: {
        contract: 'port-finding',
        message: { address: estate.services, port: ports.tls, tls: true, hosts: [hostName] },
      },
      target: { address: estate.services, port: ports.tls },
      names: { scanned: [hostName], omitted: [] },
      scope: { inScope: true },
    });
    const observations = raw.observations as { serverName?: string; status: string }[];
    expect(observations.map(({ serverName, status }) => [serverName ?? '', status]).sort()).toEqual([
      ['', 'scanned'],
      [hostName, 'scanned'],
    ]);
    expect(await tlsDeadLetters()).toEqual([]);
  }, 120_000);

  it("indexes the TLS scanner's documents: endpoint per name, protocols, suites, Mozilla profiles and the certificate", async () => {
    const fingerprint = firstCertificate.fingerprint;
    await eventuallyExactly(
      'the tls-endpoint documents',
      () => summaries('tls-endpoint', ['address', 'port', 'serverName', 'status', 'leafFingerprint']),
      perName((name) => [summary(estate.services, ports.tls, name, 'scanned', fingerprint)]),
    );
    const protocolsProbed = ['SSLv2', 'SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
    // Python's server context: TLS 1.2 at least, 1.3 at most.
    const offered = ['TLSv1.2', 'TLSv1.3'];
    await eventuallyExactly(
      'the tls-protocol documents',
      () => summaries('tls-protocol', ['serverName', 'protocol', 'offered']),
      perName((name) =>
        protocolsProbed.map((protocol) => summary(name, protocol, offered.includes(protocol))),
      ),
    );
    const suites = await serverSuites();
    await eventuallyExactly(
      'the tls-cipher documents',
      () => summaries('tls-cipher', ['serverName', 'protocol', 'code']),
      perName((name) => [
        ...suites.tls12.map((code) => summary(name, 'TLSv1.2', code)),
        ...suites.tls13.map((code) => summary(name, 'TLSv1.3', code)),
      ]),
    );
    await eventuallyExactly(
      'the tls-compliance documents',
      () => summaries('tls-compliance', ['serverName', 'profile']),
      perName((name) => ['intermediate', 'modern', 'old'].map((profile) => summary(name, profile))),
    );
    await eventuallyExactly(
      'the certificate documents',
      async () => Object.keys(await certificatesByFingerprint()),
      [fingerprint],
    );

    const endpoints = await tlsDocuments('tls-endpoint');
    for (const serverName of serverNames) {
      expect(endpoints.find((document) => document.serverName === serverName)).toMatchObject({
        sni: serverName !== '',
        protocols: offered,
        weakProtocols: [],
        partial: false,
        selfSigned: true,
        trusted: false,
        // SSL Labs: an untrusted certificate is T, whatever the rest deserves (here an A).
        grade: 'T',
        gradeIgnoringTrust: 'A',
        chainFingerprints: [fingerprint],
      });
    }
    expect(endpoints.find((document) => document.serverName === hostName)).toMatchObject({
      nameMatches: true,
    });
    expect((await tlsDocuments('tls-cipher')).filter((document) => document.weak === true)).toEqual([]);
    const compliance = await tlsDocuments('tls-compliance');
    // TLS 1.2 beside 1.3 is not modern.
    expect(compliance.filter(({ profile }) => profile === 'modern')).toEqual([
      expect.objectContaining({ compliant: false }),
      expect.objectContaining({ compliant: false }),
    ]);
    expect((await certificatesByFingerprint())[fingerprint]).toMatchObject({
      commonName: hostName,
      dnsNames: [hostName],
      selfSigned: true,
      keyType: 'ec',
      endpoints: [tlsEndpoint],
      serverNames: [hostName],
    });
  }, 120_000);

  it('rescans after one service stopped, another started and the TLS certificate was rotated, and records the changes', async () => {
    const firstSeen = (await certificatesByFingerprint())[firstCertificate.fingerprint];
    const banner = servers.get('banner');
    if (banner !== undefined) await closing(banner);
    servers.delete('banner');
    await startPython('late-http', httpArgs(ports.closed), ports.closed);
    const tls = children.get('tls');
    if (tls !== undefined) await stopped(tls);
    await startTls(rotatedCertificate);

    await publishScan(estate.services);

    await eventuallyExactly('the rescan in the port snapshot', () => openPorts(estate.services), [
      `${ports.tls} http true`,
      `${ports.http} http false`,
      `${ports.closed} http false`,
    ]);
    const changes = await eventually(
      'the port changes',
      async () =>
        (await sources(changeIndex, `task:"${nmapTask}" AND type:port AND field:state`))
          .map(({ change, label, before, after }) => `${change} ${String(label)} ${before} ${after}`)
          .sort(),
      (seen) => seen.length === 2,
      'the banner port closed and the late port opened',
    );
    expect(changes).toEqual([
      expect.stringMatching(new RegExp(`^changed .*${ports.banner}.* open closed$`)),
      expect.stringMatching(new RegExp(`^changed .*${ports.closed}.* closed open$`)),
    ]);

    // The TLS scanner's rescan: the rotated leaf on every scan, and only that changed.
    const rotated = rotatedCertificate.fingerprint;
    await eventuallyExactly(
      'the rescanned tls-endpoint documents',
      () => summaries('tls-endpoint', ['address', 'port', 'serverName', 'status', 'leafFingerprint']),
      perName((name) => [summary(estate.services, ports.tls, name, 'scanned', rotated)]),
    );
    await eventuallyExactly(
      'the TLS changes',
      async () =>
        (await sources(changeIndex, `task:"${tlsTask}" AND change:changed`))
          .map(({ type, field, before, after }) => summary(type, field, before, after))
          .sort(),
      perName(() => [summary('tls-endpoint', 'leafFingerprint', firstCertificate.fingerprint, rotated)]),
    );
    const certificates = await eventually(
      'the rotated certificate',
      certificatesByFingerprint,
      (seen) => Object.keys(seen).length === 2,
      `certificates ${firstCertificate.fingerprint} and ${rotated}`,
    );
    expect(Object.keys(certificates).sort()).toEqual([firstCertificate.fingerprint, rotated].sort());
    expect(certificates[firstCertificate.fingerprint]).toMatchObject({
      firstSeen: firstSeen?.firstSeen,
      lastSeen: firstSeen?.lastSeen,
    });
    expect(certificates[rotated]).toMatchObject({ endpoints: [tlsEndpoint], serverNames: [hostName] });
    expect(Date.parse(String(certificates[rotated]?.firstSeen))).toBeGreaterThan(
      Date.parse(String(firstSeen?.lastSeen)),
    );
    expect(await tlsRawKeys()).toHaveLength(2);
    expect(await tlsDeadLetters()).toEqual([]);
  }, 180_000);
});
