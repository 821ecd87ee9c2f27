import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loopback } from '@sec-an/local-platform/ports';
import { runCommand } from '@sec-an/local-platform/processes';
import { cipherSuiteByCode } from '../handshake/index.ts';
import { type EndpointScan, type EndpointStatus, scanEndpoint } from '../probe/index.ts';
import {
  closedPort,
  createTestPki,
  type KeyPair,
  type LeafOptions,
  type MisbehavingServer,
  type Misbehaviour,
  type OpenSslServerOptions,
  type RunningServer,
  runSslscan,
  type SslscanReport,
  selfSignedCertificate,
  startMisbehavingServer,
  startOpenSslServer,
  type TestPki,
} from '../test-servers/index.ts';
import { assessEndpoint, type EndpointAssessment } from './assess-endpoint.ts';

/**
 * The reference test: local openssl servers of known configurations, each scanned by the scanner and by sslscan.
 * The scanner must see the protocols, suites, TLS 1.3 groups and DH sizes sslscan sees, and the assessment must
 * give the certificate reasons, Mozilla reasons and grade the configuration implies.
 *
 * What sslscan cannot tell, and so is checked against the configuration instead: the ECDHE curves a TLS <= 1.2
 * server accepts (sslscan enumerates groups for TLS 1.3 only), whether a server keeps its own order (sslscan
 * marks one suite "preferred" either way), and anything about the certificate (sslscan checks neither the name
 * nor the chain against a given root). testssl.sh is installed too, but it is not needed for these: each of
 * those is a fact of the configuration the test itself starts.
 */

const mozillaGroups = ['X25519', 'prime256v1', 'secp384r1'];
const mozillaGroupCodes = [29, 23, 24];
/** Mozilla 5.8's intermediate suites as its generated configurations write them for OpenSSL. */
const intermediateCiphers = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'DHE-RSA-AES128-GCM-SHA256',
  'DHE-RSA-AES256-GCM-SHA384',
  'DHE-RSA-CHACHA20-POLY1305',
].join(':');
const intermediate = {
  protocols: ['-no_ssl3', '-no_tls1', '-no_tls1_1'],
  cipher: intermediateCiphers,
  groups: mozillaGroups,
} satisfies Partial<OpenSslServerOptions>;

const day = 86_400_000;
const now = Date.now();

type Certificate =
  | { readonly kind: 'leaf'; readonly options: LeafOptions; readonly serveChain: boolean }
  | { readonly kind: 'ec-leaf' }
  | { readonly kind: 'self-signed' };

interface Expected {
  readonly protocols: readonly string[];
  readonly serverOrder?: boolean;
  readonly chainReasons: readonly string[];
  /** Mozilla reasons per profile as [code, subject]; none for a profile the server meets. */
  readonly mozilla: Readonly<Record<'modern' | 'intermediate' | 'old', readonly [string, string][]>>;
  readonly bestProfile?: string;
  readonly grade: string;
  readonly gradeIgnoringTrust: string;
  readonly score: number;
  readonly caps: readonly string[];
}

interface ReferenceServer {
  readonly serverName: string;
  readonly certificate: Certificate;
  readonly server: Omit<OpenSslServerOptions, 'keyPair' | 'chain'>;
  readonly expected: Expected;
}

/** The weak server's suites, in its order. */
const weakSuites = [
  'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_CAMELLIA_256_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_DHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_DH_anon_WITH_AES_128_CBC_SHA',
];
/** OpenSSL's default curves outside Mozilla's list, accepted by a server configured without `groups`. */
const opensslOnlyCurves: [string, string][] = [
  ['group-not-allowed', 'x448'],
  ['group-not-allowed', 'secp521r1'],
];

/** What keeps a server configured as Mozilla intermediate (RSA certificate) from modern and old. */
const intermediateServerReasons: Expected['mozilla'] = {
  modern: [
    ['protocol-not-allowed', 'TLSv1.2'],
    ...[
      'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
      'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
      'TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
    ].map((suite): [string, string] => ['cipher-not-allowed', suite]),
    ['certificate-type-not-allowed', 'rsa'],
    ['certificate-signature-not-allowed', 'sha256WithRSAEncryption'],
  ],
  intermediate: [],
  old: [
    ['protocol-missing', 'TLSv1.0'],
    ['protocol-missing', 'TLSv1.1'],
    ['server-order-not-enforced', 'TLSv1.2'],
  ],
};

/** Every kind the issue names; a server of the intermediate configuration stands behind each certificate fault. */
const references: Record<string, ReferenceServer> = {
  'TLS 1.0 and 1.1 only, weak suites, server order': {
    serverName: 'legacy.test',
    certificate: { kind: 'leaf', options: { names: ['legacy.test'], keyType: 'rsa' }, serveChain: true },
    // OpenSSL 3 has no 3DES, RC4 or export suites left to serve: RSA key transport, SHA-1 CBC, Camellia and an
    // anonymous suite are the weak ones it can still offer.
    server: {
      protocols: ['-no_ssl3', '-no_tls1_2', '-no_tls1_3'],
      cipher: 'AES128-SHA:CAMELLIA256-SHA:ECDHE-RSA-AES128-SHA:DHE-RSA-AES256-SHA:ADH-AES128-SHA:@SECLEVEL=0',
      serverPreference: true,
    },
    expected: {
      protocols: ['TLSv1.0', 'TLSv1.1'],
      serverOrder: true,
      chainReasons: [],
      mozilla: {
        modern: [
          ['protocol-not-allowed', 'TLSv1.0'],
          ['protocol-not-allowed', 'TLSv1.1'],
          ['protocol-missing', 'TLSv1.3'],
          ...weakSuites.map((suite): [string, string] => ['cipher-not-allowed', suite]),
          ...opensslOnlyCurves,
          ['certificate-type-not-allowed', 'rsa'],
          ['certificate-signature-not-allowed', 'sha256WithRSAEncryption'],
        ],
        intermediate: [
          ['protocol-not-allowed', 'TLSv1.0'],
          ['protocol-not-allowed', 'TLSv1.1'],
          ['protocol-missing', 'TLSv1.2'],
          ['protocol-missing', 'TLSv1.3'],
          ...weakSuites.map((suite): [string, string] => ['cipher-not-allowed', suite]),
          ...opensslOnlyCurves,
          // OpenSSL gives an anonymous suite with 128-bit encryption 1024-bit DH parameters (80-bit security)
          ['dh-parameters-too-small', '1024 bits'],
        ],
        // old allows RSA key transport with AES-CBC and ECDHE with AES-CBC, but not Camellia, DHE with SHA-1 or
        // anonymous suites
        old: [
          ['protocol-missing', 'TLSv1.2'],
          ['protocol-missing', 'TLSv1.3'],
          ['cipher-not-allowed', 'TLS_RSA_WITH_CAMELLIA_256_CBC_SHA'],
          ['cipher-not-allowed', 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA'],
          ['cipher-not-allowed', 'TLS_DH_anon_WITH_AES_128_CBC_SHA'],
          ...opensslOnlyCurves,
        ],
      },
      grade: 'F',
      gradeIgnoringTrust: 'F',
      score: 0,
      caps: ['no-tls12', 'tls10', 'tls11', 'anonymous-suites', 'no-forward-secrecy', 'no-aead', 'dh-weak'],
    },
  },
  'TLS 1.2 and 1.3, Mozilla intermediate': {
    serverName: 'intermediate.test',
    certificate: {
      kind: 'leaf',
      options: { names: ['intermediate.test'], keyType: 'rsa' },
      serveChain: true,
    },
    server: intermediate,
    expected: {
      protocols: ['TLSv1.2', 'TLSv1.3'],
      serverOrder: false,
      chainReasons: [],
      mozilla: intermediateServerReasons,
      bestProfile: 'intermediate',
      grade: 'A',
      gradeIgnoringTrust: 'A',
      score: 93,
      caps: [],
    },
  },
  'TLS 1.3 only': {
    serverName: 'modern.test',
    certificate: { kind: 'ec-leaf' },
    server: { protocols: ['-tls1_3'], groups: mozillaGroups },
    expected: {
      protocols: ['TLSv1.3'],
      chainReasons: [],
      mozilla: {
        modern: [],
        intermediate: [['protocol-missing', 'TLSv1.2']],
        old: [
          ['protocol-missing', 'TLSv1.0'],
          ['protocol-missing', 'TLSv1.1'],
          ['protocol-missing', 'TLSv1.2'],
          ['certificate-type-not-allowed', 'ec'],
          ['certificate-signature-not-allowed', 'ecdsa-with-SHA256'],
        ],
      },
      bestProfile: 'modern',
      grade: 'A',
      gradeIgnoringTrust: 'A',
      score: 93,
      caps: [],
    },
  },
  'expired certificate': {
    serverName: 'expired.test',
    certificate: {
      kind: 'leaf',
      options: {
        names: ['expired.test'],
        keyType: 'rsa',
        notBefore: new Date(now - 120 * day),
        notAfter: new Date(now - 30 * day),
      },
      serveChain: true,
    },
    server: intermediate,
    expected: {
      protocols: ['TLSv1.2', 'TLSv1.3'],
      serverOrder: false,
      chainReasons: ['expired'],
      mozilla: intermediateServerReasons,
      bestProfile: 'intermediate',
      grade: 'T',
      gradeIgnoringTrust: 'A',
      score: 93,
      caps: ['expired'],
    },
  },
  'self-signed certificate': {
    serverName: 'self-signed.test',
    certificate: { kind: 'self-signed' },
    server: intermediate,
    expected: {
      protocols: ['TLSv1.2', 'TLSv1.3'],
      serverOrder: false,
      chainReasons: ['self-signed'],
      mozilla: intermediateServerReasons,
      bestProfile: 'intermediate',
      grade: 'T',
      gradeIgnoringTrust: 'A',
      score: 93,
      caps: ['self-signed'],
    },
  },
  'certificate for another name': {
    serverName: 'wrong-name.test',
    certificate: { kind: 'leaf', options: { names: ['other.test'], keyType: 'rsa' }, serveChain: true },
    server: intermediate,
    expected: {
      protocols: ['TLSv1.2', 'TLSv1.3'],
      serverOrder: false,
      chainReasons: ['name-mismatch'],
      mozilla: intermediateServerReasons,
      bestProfile: 'intermediate',
      grade: 'M',
      gradeIgnoringTrust: 'A',
      score: 93,
      caps: ['name-mismatch'],
    },
  },
  'incomplete chain': {
    serverName: 'incomplete.test',
    certificate: { kind: 'leaf', options: { names: ['incomplete.test'], keyType: 'rsa' }, serveChain: false },
    server: intermediate,
    expected: {
      protocols: ['TLSv1.2', 'TLSv1.3'],
      serverOrder: false,
      chainReasons: ['incomplete-chain'],
      mozilla: intermediateServerReasons,
      bestProfile: 'intermediate',
      grade: 'T',
      gradeIgnoringTrust: 'B',
      score: 93,
      caps: ['chain-incomplete', 'untrusted'],
    },
  },
};
type Label = keyof typeof references;

let workDir = '';
const roots: string[] = [];
const servers = new Map<Label, RunningServer>();

/** Modern wants an ECDSA signature on the leaf, so its issuer is an EC root made here by openssl. */
const ecRoot = async (directory: string): Promise<KeyPair> => {
  const pair = { certificate: join(directory, 'ec-root.crt'), key: join(directory, 'ec-root.key') };
  const result = await runCommand(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-sha256'],
      ...['-days', '30', '-subj', '/O=Sec-An Test/CN=Sec-An Test EC Root'],
      ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
      ...['-keyout', pair.key, '-out', pair.certificate],
    ],
    { timeoutMs: 60_000 },
  );
  if (result.exitCode !== 0) throw new Error(`openssl req failed: ${result.output}`);
  return pair;
};

const keyPairOf = async (
  pki: TestPki,
  ec: KeyPair,
  label: string,
  reference: ReferenceServer,
): Promise<{ keyPair: KeyPair; chain?: string }> => {
  const certificate = reference.certificate;
  const file = label.replace(/\W+/g, '-');
  if (certificate.kind === 'self-signed') {
    return { keyPair: await selfSignedCertificate(workDir, file, reference.serverName) };
  }
  if (certificate.kind === 'ec-leaf') {
    return {
      keyPair: await pki.issueLeaf(file, { names: [reference.serverName], keyType: 'ec', issuer: ec }),
    };
  }
  const keyPair = await pki.issueLeaf(file, certificate.options);
  return certificate.serveChain ? { keyPair, chain: pki.intermediate.certificate } : { keyPair };
};

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'sec-an-ssl-reference-'));
  const pki = await createTestPki(workDir);
  const ec = await ecRoot(workDir);
  roots.push(readFileSync(pki.root.certificate, 'utf8'), readFileSync(ec.certificate, 'utf8'));
  for (const [label, reference] of Object.entries(references)) {
    const certificate = await keyPairOf(pki, ec, label, reference);
    servers.set(label, await startOpenSslServer({ ...reference.server, ...certificate }));
  }
}, 180_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((server) => server.stop()));
  rmSync(workDir, { recursive: true, force: true });
});

const portOf = (label: Label): number => servers.get(label)?.port ?? 0;
const sorted = (codes: readonly number[] | undefined): number[] => [...(codes ?? [])].sort((a, b) => a - b);

/** The scanner's view of the suites and groups, in sslscan's terms, for one protocol. */
const protocolView = (scan: EndpointScan, version: string) => {
  const protocol = scan.protocols.find((finding) => finding.version === version && finding.offered);
  return {
    version,
    suites: sorted(protocol?.cipherSuites),
    partial: protocol?.partial,
    dhBits: new Map(
      [...(protocol?.keyExchange ?? [])].flatMap(([code, parameters]) =>
        parameters.kind === 'dh' ? [[code, parameters.primeBits] as const] : [],
      ),
    ),
  };
};

const referenceView = (report: SslscanReport, version: string) => ({
  version,
  suites: sorted(report.cipherSuites.get(version)),
  partial: false,
  dhBits: new Map(report.dhBits.get(version) ?? []),
});

const mozillaReasons = (assessment: EndpointAssessment, profile: string): [string, string][] =>
  (assessment.compliance.find((result) => result.profile === profile)?.reasons ?? []).map((reason) => [
    reason.code,
    reason.subject,
  ]);

/** Protocols, suites, TLS 1.3 groups and DH sizes as sslscan sees them; order where the server keeps one. */
const expectSameAsSslscan = (
  scan: EndpointScan,
  sslscan: SslscanReport,
  reference: ReferenceServer,
): void => {
  const offered = scan.protocols.filter((protocol) => protocol.offered);
  const versions = offered.map((protocol) => protocol.version);
  expect(versions).toEqual(reference.expected.protocols);
  expect([...sslscan.protocols].sort()).toEqual(versions);
  for (const version of versions)
    expect(protocolView(scan, version)).toEqual(referenceView(sslscan, version));
  const tls13 = offered.find((protocol) => protocol.version === 'TLSv1.3');
  if (tls13 !== undefined) expect(sorted(tls13.groups)).toEqual(sorted(sslscan.groups.get('TLSv1.3')));
  for (const protocol of offered.filter((p) => p.version !== 'TLSv1.3')) {
    expect(protocol.serverOrder).toBe(reference.expected.serverOrder);
    // sslscan lists a server-ordered protocol's suites in the server's order, its first as "preferred"
    if (protocol.serverOrder === true) {
      expect(protocol.cipherSuites).toEqual(sslscan.cipherSuites.get(protocol.version));
      expect(protocol.cipherSuites[0]).toBe(sslscan.preferred.get(protocol.version));
    }
  }
};

/** The curves a TLS <= 1.2 server accepts are the configured ones (sslscan does not enumerate them). */
const expectConfiguredCurves = (scan: EndpointScan, reference: ReferenceServer): void => {
  if (reference.server.groups === undefined) return;
  for (const protocol of scan.protocols.filter((p) => p.offered && p.version !== 'TLSv1.3')) {
    const ecdhe = protocol.cipherSuites.some((code) => cipherSuiteByCode(code)?.keyExchange === 'ECDHE');
    if (ecdhe) expect(sorted(protocol.groups)).toEqual(sorted(mozillaGroupCodes));
  }
};

const expectAssessment = (assessment: EndpointAssessment, expected: Expected): void => {
  expect(assessment.chain.reasons.map((reason) => reason.code)).toEqual(expected.chainReasons);
  expect({
    modern: mozillaReasons(assessment, 'modern'),
    intermediate: mozillaReasons(assessment, 'intermediate'),
    old: mozillaReasons(assessment, 'old'),
  }).toEqual(expected.mozilla);
  expect(assessment.bestProfile).toBe(expected.bestProfile);
  expect({
    grade: assessment.grade?.grade,
    gradeIgnoringTrust: assessment.grade?.gradeIgnoringTrust,
    score: assessment.grade?.score,
    caps: assessment.grade?.caps.map((cap) => cap.code),
  }).toEqual({
    grade: expected.grade,
    gradeIgnoringTrust: expected.gradeIgnoringTrust,
    score: expected.score,
    caps: expected.caps,
  });
};

describe('the scanner on servers of known configurations, against sslscan on the same server', () => {
  it.each(Object.keys(references))(
    '%s',
    async (label) => {
      const reference = references[label] as ReferenceServer;
      const port = portOf(label);
      const scan = await scanEndpoint(
        { address: loopback, port },
        { serverName: reference.serverName, totalBudgetMs: 30_000 },
      );
      expect(scan.status).toBe('scanned');
      expectSameAsSslscan(scan, await runSslscan(port, reference.serverName), reference);
      expectConfiguredCurves(scan, reference);
      expectAssessment(assessEndpoint(scan, { at: new Date(), roots }), reference.expected);
    },
    90_000,
  );

  it('judges a scan without a server name on trust alone: no name, so no mismatch', async () => {
    const scan = await scanEndpoint({ address: loopback, port: portOf('certificate for another name') });
    const assessment = assessEndpoint(scan, { at: new Date(), roots });
    expect(assessment.chain.nameMatch).toBeUndefined();
    expect(assessment.chain.trusted).toBe(true);
    expect(assessment.grade?.grade).toBe('A');
  }, 60_000);
});

describe('bad input ends quickly with a precise status', () => {
  const misbehaving = new Map<Misbehaviour, MisbehavingServer>();
  const kinds: [Misbehaviour, EndpointStatus][] = [
    ['plain-http', 'plain-http'],
    ['close-mid-handshake', 'closed'],
    ['close-at-once', 'closed'],
    ['garbage', 'malformed'],
    ['tarpit', 'timeout'],
  ];

  beforeAll(async () => {
    for (const [kind] of kinds) misbehaving.set(kind, await startMisbehavingServer(kind));
  });

  afterAll(async () => {
    await Promise.all([...misbehaving.values()].map((server) => server.close()));
  });

  it.each(kinds)('a server that answers %s ends %s within its budget', async (kind, status) => {
    const started = performance.now();
    const scan = await scanEndpoint(
      { address: loopback, port: misbehaving.get(kind)?.port ?? 0 },
      { serverName: 'bad.test', connectionTimeoutMs: 500, totalBudgetMs: 2_000 },
    );
    expect({
      status: scan.status,
      offered: scan.protocols.filter((protocol) => protocol.offered),
      certificates: scan.certificates,
    }).toEqual({ status, offered: [], certificates: [] });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('a closed port ends refused at once', async () => {
    const started = performance.now();
    const scan = await scanEndpoint(
      { address: loopback, port: await closedPort() },
      { connectionTimeoutMs: 500, totalBudgetMs: 2_000 },
    );
    expect(scan.status).toBe('refused');
    expect(performance.now() - started).toBeLessThan(500);
  });
});
