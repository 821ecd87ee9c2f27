import type { EstateLayout, ServiceSpec, TlsProfile } from './estate-layout.ts';

/** An open port as a scan should find it: the service nmap names, and whether it speaks TLS. */
export interface ExpectedPort {
  readonly address: string;
  readonly port: number;
  readonly service: string;
  readonly tls: boolean;
}

/** How far a certificate is from expiry, in the bands the certificate expiry dashboard shows. */
export type ExpiryBand = 'expired' | 'within 14 days' | '14 to 30 days' | '30 to 60 days' | 'over 60 days';

/** The best Mozilla profile a TLS scan should find the endpoint meets. */
export type MozillaProfile = 'modern' | 'intermediate' | 'none';

/** One TLS scan of an endpoint: without SNI (`serverName` `''`) or as one of its address's names. */
export interface ExpectedTlsScan {
  readonly serverName: string;
  /** The SSL Labs-like grade: the endpoint's, or M for a name its certificate does not cover. */
  readonly grade: string;
  /** Whether the certificate covers the name; absent without SNI, where there is no name to match. */
  readonly nameMatches?: boolean;
}

/** A TLS endpoint of the estate: its quality and the certificate it presents. */
export interface ExpectedTlsEndpoint {
  readonly address: string;
  readonly port: number;
  readonly hosts: readonly string[];
  readonly profile: TlsProfile;
  readonly certificateNames: readonly string[];
  readonly certificateIssue: number;
  readonly daysValid: number;
  /** Whether the certificate names a host name of its address: a wrong-name certificate does not. */
  readonly namesMatch: boolean;
  /** The grade of the endpoint's TLS itself, as a client that asks for no name sees it. */
  readonly grade: string;
  readonly bestProfile: MozillaProfile;
  /** The reason codes of its failures against Mozilla's intermediate profile, each once, sorted. */
  readonly intermediateReasons: readonly string[];
  readonly expiry: ExpiryBand;
  /** Every TLS scan of the endpoint: without SNI, then each name of its address. */
  readonly scans: readonly ExpectedTlsScan[];
}

/** A change between two layouts that a rescan should record. */
export type ExpectedChange =
  | { readonly kind: 'opened' | 'closed'; readonly address: string; readonly port: number }
  | { readonly kind: 'certificate-rotated'; readonly address: string; readonly port: number };

/**
 * nmap names an HTTP server behind TLS `http` (its tunnel is `ssl`), and a banner by the service it mimics. Behind
 * legacy TLS alone it cannot look: its version detection's TLS client (OpenSSL 3) refuses TLS 1.0 and 1.1, so the
 * service stays `unknown`, while its scripts, with their own handshakes, still read the certificate and suites.
 */
const nmapService = (service: ServiceSpec): string => {
  if (service.kind === 'banner') return service.service;
  return service.kind === 'tls' && service.profile === 'legacy' ? 'unknown' : 'http';
};

export const expectedOpenPorts = (layout: EstateLayout): ExpectedPort[] =>
  layout.addresses.flatMap(({ address, services }) =>
    services.map((service) => ({
      address,
      port: service.port,
      service: nmapService(service),
      tls: service.kind === 'tls',
    })),
  );

/** The scanned ports where nothing listens, per address: a scan reports them closed. */
export const expectedClosedPorts = (layout: EstateLayout): { address: string; port: number }[] =>
  layout.addresses.flatMap(({ address, services }) =>
    layout.scannedPorts
      .filter((port) => !services.some((service) => service.port === port))
      .map((port) => ({ address, port })),
  );

/**
 * What each quality of server (estate-servers' openssl options) is, judged with the estate's authority trusted:
 * modern (TLS 1.3 alone, Mozilla's groups, an ECDSA certificate) meets modern and misses intermediate only by not
 * offering TLS 1.2; intermediate (TLS 1.2 and 1.3, Mozilla's suites and groups, RSA 2048) meets intermediate; both
 * grade A. Legacy (TLS 1.0 and 1.1 only, every suite at security level 0, anonymous ones included, OpenSSL's default
 * groups, an RSA 1024 key and the 1024-bit DH group that goes with it) meets no profile and grades F for its
 * anonymous suites; Mozilla intermediate refuses its protocols, misses TLS 1.2 and 1.3, and refuses its suites,
 * groups, DH size and key size.
 */
const qualityOf: Readonly<
  Record<TlsProfile, { grade: string; bestProfile: MozillaProfile; intermediateReasons: readonly string[] }>
> = {
  modern: { grade: 'A', bestProfile: 'modern', intermediateReasons: ['protocol-missing'] },
  intermediate: { grade: 'A', bestProfile: 'intermediate', intermediateReasons: [] },
  legacy: {
    grade: 'F',
    bestProfile: 'none',
    intermediateReasons: [
      'certificate-key-too-small',
      'cipher-not-allowed',
      'dh-parameters-too-small',
      'group-not-allowed',
      'protocol-missing',
      'protocol-not-allowed',
    ],
  },
};

/** A certificate issued now for `daysValid` days has a whole day less left once any time has passed. */
export const expiryBandOf = (daysToExpiry: number): ExpiryBand => {
  if (daysToExpiry < 0) return 'expired';
  if (daysToExpiry < 14) return 'within 14 days';
  if (daysToExpiry < 30) return '14 to 30 days';
  if (daysToExpiry < 60) return '30 to 60 days';
  return 'over 60 days';
};

/** A name the certificate does not cover caps the grade at M (SSL Labs' mismatch); without SNI none is asked. */
const scansOf = (
  hosts: readonly string[],
  certificateNames: readonly string[],
  grade: string,
): ExpectedTlsScan[] => [
  { serverName: '', grade },
  ...hosts.map((host) => {
    const nameMatches = certificateNames.includes(host);
    return { serverName: host, grade: nameMatches ? grade : 'M', nameMatches };
  }),
];

export const expectedTlsEndpoints = (layout: EstateLayout): ExpectedTlsEndpoint[] =>
  layout.addresses.flatMap(({ address, hosts, services }) =>
    services.flatMap((service) =>
      service.kind === 'tls'
        ? [
            {
              address,
              port: service.port,
              hosts,
              profile: service.profile,
              certificateNames: service.certificate.names,
              certificateIssue: service.certificate.issue,
              daysValid: service.certificate.daysValid,
              namesMatch: service.certificate.names.some((name) => hosts.includes(name)),
              ...qualityOf[service.profile],
              expiry: expiryBandOf(service.certificate.daysValid - 1),
              scans: scansOf(hosts, service.certificate.names, qualityOf[service.profile].grade),
            },
          ]
        : [],
    ),
  );

const endpoint = (address: string, port: number): string => `${address}:${port}`;

/**
 * The TLS scanner's change documents a rescan after the change should write: a rotated certificate is a new leaf
 * fingerprint for every scan of its endpoint (without SNI and each name: the change documents' labels), and a
 * certificate that appeared (by its common name).
 */
export const expectedTlsChanges = (
  before: EstateLayout,
  after: EstateLayout,
): { readonly leafChanges: readonly string[]; readonly newCertificates: readonly string[] } => {
  const rotated = expectedChanges(before, after).filter(({ kind }) => kind === 'certificate-rotated');
  const scans = new Map(
    expectedTlsEndpoints(after).map((tls) => [endpoint(tls.address, tls.port), tls.scans] as const),
  );
  return {
    leafChanges: rotated.flatMap(({ address, port }) =>
      (scans.get(endpoint(address, port)) ?? []).map(({ serverName }) =>
        [address, port, serverName].filter((part) => part !== '').join(' '),
      ),
    ),
    newCertificates: expectedTlsEndpoints(after)
      .filter((tls) => rotated.some(({ address, port }) => tls.address === address && tls.port === port))
      .map((tls) => tls.certificateNames[0] ?? ''),
  };
};

/** What changed from one layout to the next, as a rescan of every address should see it. */
export const expectedChanges = (before: EstateLayout, after: EstateLayout): ExpectedChange[] => {
  const portsOf = (layout: EstateLayout) =>
    new Set(expectedOpenPorts(layout).map(({ address, port }) => endpoint(address, port)));
  const opened = portsOf(after);
  const wasOpen = portsOf(before);
  const issues = new Map(
    expectedTlsEndpoints(before).map((tls) => [endpoint(tls.address, tls.port), tls.certificateIssue]),
  );
  return [
    ...expectedOpenPorts(after)
      .filter(({ address, port }) => !wasOpen.has(endpoint(address, port)))
      .map(({ address, port }) => ({ kind: 'opened' as const, address, port })),
    ...expectedOpenPorts(before)
      .filter(({ address, port }) => !opened.has(endpoint(address, port)))
      .map(({ address, port }) => ({ kind: 'closed' as const, address, port })),
    ...expectedTlsEndpoints(after)
      .filter((tls) => {
        const issue = issues.get(endpoint(tls.address, tls.port));
        return issue !== undefined && issue !== tls.certificateIssue;
      })
      .map(({ address, port }) => ({ kind: 'certificate-rotated' as const, address, port })),
  ];
};
