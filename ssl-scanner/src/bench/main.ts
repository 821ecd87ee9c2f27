import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchLine } from '@sec-an/local-platform/bench';
import { loopback } from '@sec-an/local-platform/ports';
import { runCommand } from '@sec-an/local-platform/processes';
import { assessEndpoint } from '../assessment/index.ts';
import { type EndpointScan, scanEndpoint } from '../probe/index.ts';
import {
  type OpenSslServerOptions,
  parseSslscanXml,
  type SslscanReport,
  selfSignedCertificate,
  startOpenSslServer,
} from '../test-servers/index.ts';

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const serverName = 'bench.tls.test';

/** Two servers at the ends of what an estate holds: a current one, and an old one with many weak suites. */
const servers: Record<string, Omit<OpenSslServerOptions, 'keyPair'>> = {
  intermediate: {
    protocols: ['-no_ssl3', '-no_tls1', '-no_tls1_1'],
    cipher:
      'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384',
  },
  legacy: {
    protocols: ['-no_ssl3', '-no_tls1_3'],
    cipher: 'ALL:@SECLEVEL=0',
    serverPreference: true,
  },
};

/**
 * sslscan's scan of what both tools report: protocols, every accepted suite, the preferred one, key exchange groups
 * and the certificate. Its checks for Heartbleed, renegotiation, compression and fallback are left out: the
 * scanner does not make them, so timing them would compare different work.
 */
const sslscan = async (port: number): Promise<SslscanReport> => {
  const result = await runCommand(
    'sslscan',
    [
      '--xml=-',
      '--no-colour',
      '--no-heartbleed',
      '--no-renegotiation',
      '--no-compression',
      '--no-fallback',
      '--show-certificate',
      `--sni-name=${serverName}`,
      `${loopback}:${port}`,
    ],
    { timeoutMs: 300_000 },
  );
  return parseSslscanXml(result.output.slice(result.output.indexOf('<?xml')));
};

const timed = async <T>(run: () => Promise<T>): Promise<{ seconds: number; value: T }> => {
  const start = process.hrtime.bigint();
  const value = await run();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, value };
};

/** The faster of three runs, so one slow moment of the machine does not decide a figure. */
const best = async <T>(run: () => Promise<T>): Promise<{ seconds: number; value: T }> => {
  const runs = [await timed(run), await timed(run), await timed(run)];
  return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
};

const sortedSuites = (codes: readonly number[] | undefined): string =>
  [...(codes ?? [])].sort((a, b) => a - b).join(',');

/** Names each difference between the two tools' protocols and suites: the figures only count if there is none. */
const differences = (ours: EndpointScan, reference: SslscanReport): string[] => {
  const offered = ours.protocols.filter((protocol) => protocol.offered);
  const versions = offered.map((protocol) => protocol.version).sort();
  const problems = versions.join() === [...reference.protocols].sort().join() ? [] : ['protocols differ'];
  for (const protocol of offered) {
    if (sortedSuites(protocol.cipherSuites) !== sortedSuites(reference.cipherSuites.get(protocol.version))) {
      problems.push(`${protocol.version} suites differ`);
    }
  }
  return problems;
};

/** What the scanner does for an endpoint and name: the scan, then the chain, profiles and grade judged. */
const fullScan = async (port: number): Promise<EndpointScan> => {
  const scan = await scanEndpoint({ address: loopback, port }, { serverName });
  if (assessEndpoint(scan, { at: new Date() }).chain.leaf === undefined) {
    throw new Error(`no certificate judged on port ${port}`);
  }
  return scan;
};

/** Wall time of a full scan of one local endpoint by the scanner and by sslscan, on the same server. */
const benchServer = async (label: string, port: number): Promise<void> => {
  const ours = await best(() => fullScan(port));
  const reference = await best(() => sslscan(port));
  const problems = differences(ours.value, reference.value);
  if (problems.length > 0)
    throw new Error(`${label}: the findings differ from sslscan's: ${problems.join('; ')}`);
  const suites = ours.value.protocols.reduce((count, protocol) => count + protocol.cipherSuites.length, 0);
  print(benchLine({ id: `tls-scan.${label}.accepted-suites`, value: suites, unit: 'suites' }));
  print(
    benchLine({
      id: `tls-scan.${label}.wall-time`,
      value: ours.seconds,
      unit: 's',
      reference: { id: `sslscan.${label}.wall-time`, value: reference.seconds },
    }),
  );
};

const workDir = mkdtempSync(join(tmpdir(), 'sec-an-tls-bench-'));
try {
  const keyPair = await selfSignedCertificate(workDir, 'bench', serverName);
  for (const [label, options] of Object.entries(servers)) {
    const server = await startOpenSslServer({ keyPair, ...options });
    try {
      await benchServer(label, server.port);
    } finally {
      await server.stop();
    }
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
