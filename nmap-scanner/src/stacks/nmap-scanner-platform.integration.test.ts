import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { portFindingV1 } from '@sec-an/contracts/port-finding';
import { scanRequestV1 } from '@sec-an/contracts/scan-request';
import { changeIndex, snapshotIndex } from '@sec-an/contracts/search-index';
import { backendsEnvironment } from '@sec-an/local-platform/backends';
import { type DeployResult, deployPlatform } from '@sec-an/local-platform/platform';
import { runCommand } from '@sec-an/local-platform/processes';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { openSearchClient } from '@sec-an/runtime/opensearch';
import { readParameter } from '@sec-an/runtime/parameters';
import { publishMessages, readMessage } from '@sec-an/runtime/sns';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { nmapTask } from '../results-parser/index.ts';

/** The local estate: one address with a TLS, an HTTP and a plain TCP service and a closed port; one with nothing. */
const estate = { services: '127.62.0.1', empty: '127.62.0.2' } as const;
const ports = { tls: 47210, http: 47211, banner: 47212, closed: 47213 } as const;
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

const store = () => openSearchClient({ endpoint: testBackends().openSearchEndpoint, auth: 'none' });

const eventually = async <T>(what: string, observe: () => Promise<T>, done: (seen: T) => boolean) => {
  const deadline = Date.now() + 90_000;
  let last: unknown;
  for (;;) {
    try {
      const seen = await observe();
      if (done(seen)) return seen;
      last = seen;
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
};

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
  let deployed: DeployResult | undefined;
  let tlsQueueUrl = '';

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
          target: { address, hosts: address === estate.services ? ['www.estate.test'] : [] },
          origin: 'on-demand',
          requestedAt: new Date().toISOString(),
        },
      ],
    );
    return requestId;
  };

  beforeAll(async () => {
    const openssl = await runCommand(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        'tls.key',
        '-out',
        'tls.crt',
        '-days',
        '30',
        '-subj',
        '/CN=www.estate.test',
        '-addext',
        'subjectAltName=DNS:www.estate.test',
      ],
      { cwd: work },
    );
    if (openssl.exitCode !== 0) throw new Error(`openssl failed: ${openssl.output}`);
    await startPython(
      'tls',
      ['-c', pythonHttps, estate.services, String(ports.tls), 'tls.crt', 'tls.key'],
      ports.tls,
    );
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

    // A secondary scanner's subscription: TLS ports only.
    const { QueueUrl = '' } = await awsClient(SQSClient).send(
      new CreateQueueCommand({ QueueName: 'tls-ports' }),
    );
    tlsQueueUrl = QueueUrl;
    const { Attributes } = await awsClient(SQSClient).send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    await awsClient(SNSClient).send(
      new SubscribeCommand({
        TopicArn: await readParameter({
          project: 'nmap-scanner',
          thing: 'nmap-scanner-results-topic',
          attribute: 'arn',
        }),
        Protocol: 'sqs',
        Endpoint: Attributes?.QueueArn,
        Attributes: {
          RawMessageDelivery: 'true',
          FilterPolicy: JSON.stringify({ contract: ['port-finding'], tls: ['true'] }),
          FilterPolicyScope: 'MessageAttributes',
        },
      }),
    );
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

    const open = await eventually(
      'the first scan in the port snapshot',
      () => openPorts(estate.services),
      (seen) => seen.length > 0,
    );
    expect(open).toEqual([
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
    );
    expect(empty).toEqual([expect.objectContaining({ address: estate.empty, status: 'up' })]);
    expect(await openPorts(estate.empty)).toEqual([]);
    const [certificate] = await sources(
      snapshotIndex(nmapTask, 'certificate'),
      `subject.label:"${estate.services}"`,
    );
    expect(certificate).toMatchObject({ port: ports.tls, dnsNames: ['www.estate.test'] });
  }, 120_000);

  it('sends the TLS port, and no other, to a subscription filtered on tls', async () => {
    const { Messages = [] } = await awsClient(SQSClient).send(
      new ReceiveMessageCommand({
        QueueUrl: tlsQueueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 2,
        MessageAttributeNames: ['All'],
      }),
    );
    const findings = await Promise.all(
      Messages.map((message) =>
        readMessage(portFindingV1, {
          body: message.Body ?? '',
          messageAttributes: Object.fromEntries(
            Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [
              name,
              { dataType: value.DataType ?? 'String', stringValue: value.StringValue },
            ]),
          ),
        }),
      ),
    );
    expect(
      findings.map(({ message }) => [message.address, message.port, message.tls, message.hosts]),
    ).toEqual([[estate.services, ports.tls, true, ['www.estate.test']]]);
  }, 60_000);

  it('rescans after one service stopped and another started, and records the changes', async () => {
    const banner = servers.get('banner');
    if (banner !== undefined) await closing(banner);
    servers.delete('banner');
    await startPython('late-http', httpArgs(ports.closed), ports.closed);

    await publishScan(estate.services);

    const open = await eventually(
      'the rescan in the port snapshot',
      () => openPorts(estate.services),
      (seen) => seen.some((port) => port.startsWith(`${ports.closed} `)),
    );
    expect(open).toEqual([
      `${ports.tls} http true`,
      `${ports.http} http false`,
      `${ports.closed} http false`,
    ]);
    const changes = await eventually(
      'the port changes',
      () => sources(changeIndex, `task:"${nmapTask}" AND type:port AND field:state`),
      (seen) => seen.length >= 2,
    );
    expect(
      changes
        .map(({ change, label, before, after }) => `${change} ${String(label)} ${before} ${after}`)
        .sort(),
    ).toEqual([
      expect.stringMatching(new RegExp(`^changed .*${ports.banner}.* open closed$`)),
      expect.stringMatching(new RegExp(`^changed .*${ports.closed}.* closed open$`)),
    ]);
  }, 120_000);
});
