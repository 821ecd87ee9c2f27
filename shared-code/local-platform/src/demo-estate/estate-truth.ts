import type { EstateLayout, ServiceSpec, TlsProfile } from './estate-layout.ts';

/** An open port as a scan should find it: the service nmap names, and whether it speaks TLS. */
export interface ExpectedPort {
  readonly address: string;
  readonly port: number;
  readonly service: string;
  readonly tls: boolean;
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
            },
          ]
        : [],
    ),
  );

const endpoint = (address: string, port: number): string => `${address}:${port}`;

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
