/** How a TLS server of the estate is configured: the quality a scan should find. */
export type TlsProfile = 'modern' | 'intermediate' | 'legacy';

/** A certificate an estate server presents: the names it is for, and how long it is valid from now. */
export interface CertificateSpec {
  readonly names: readonly string[];
  /** Counts the certificates issued for the server: a new issue is a rotation (a new key and certificate). */
  readonly issue: number;
  readonly daysValid: number;
  /** RSA, or ECDSA on the NIST curve of `keyBits` bits (256, 384): Mozilla's modern profile takes ECDSA only. */
  readonly keyType: 'rsa' | 'ec';
  readonly keyBits: number;
}

export type ServiceSpec =
  | {
      readonly kind: 'tls';
      readonly port: number;
      readonly profile: TlsProfile;
      readonly certificate: CertificateSpec;
    }
  | { readonly kind: 'http'; readonly port: number }
  /** A plain TCP service that greets with a banner, as the service it stands for (`ssh`, `smtp`) does. */
  | { readonly kind: 'banner'; readonly port: number; readonly service: string; readonly banner: string };

/** One address of the estate, the names that resolve to it, and what listens on it. */
export interface EstateAddress {
  readonly address: string;
  readonly hosts: readonly string[];
  readonly services: readonly ServiceSpec[];
}

export interface EstateLayout {
  /** The hosted zone that names every address. */
  readonly zone: string;
  /** The network every address is in: the scan scope allows it and nothing else. */
  readonly network: string;
  readonly addresses: readonly EstateAddress[];
  /** Every port a scan probes: the estate's ports, and the one the change opens. */
  readonly scannedPorts: readonly number[];
}

/** The ports the estate's services use, the same on every address that has the service. */
export const estatePorts = { https: 18443, http: 18080, ssh: 12222, smtp: 12525, late: 18081 } as const;

const certificate = (
  names: readonly string[],
  { daysValid = 365, keyType = 'rsa', keyBits = 2048 }: Partial<CertificateSpec> = {},
): CertificateSpec => ({ names, issue: 1, daysValid, keyType, keyBits });

/**
 * The demo estate on loopback addresses `<prefix>.1` to `<prefix>.5` (a /24 of 127.0.0.0/8, which Linux routes to
 * loopback whole): TLS servers of three qualities, one with a certificate about to expire and one whose certificate
 * names another host, an HTTP server, plain TCP services with banners, and an address where nothing listens.
 */
export const demoEstateLayout = (prefix = '127.77.0', zone = 'estate.test'): EstateLayout => {
  const name = (host: string) => `${host}.${zone}`;
  return {
    zone,
    network: `${prefix}.0/24`,
    addresses: [
      {
        address: `${prefix}.1`,
        hosts: [name('www'), name('modern')],
        services: [
          {
            kind: 'tls',
            port: estatePorts.https,
            profile: 'modern',
            certificate: certificate([name('www'), name('modern')], { keyType: 'ec', keyBits: 256 }),
          },
          { kind: 'http', port: estatePorts.http },
        ],
      },
      {
        address: `${prefix}.2`,
        hosts: [name('api')],
        services: [
          {
            kind: 'tls',
            port: estatePorts.https,
            profile: 'intermediate',
            certificate: certificate([name('api')]),
          },
          {
            kind: 'banner',
            port: estatePorts.ssh,
            service: 'ssh',
            banner: 'SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10',
          },
        ],
      },
      {
        address: `${prefix}.3`,
        hosts: [name('legacy')],
        services: [
          {
            kind: 'tls',
            port: estatePorts.https,
            profile: 'legacy',
            certificate: certificate([name('legacy')], { daysValid: 5, keyBits: 1024 }),
          },
          {
            kind: 'banner',
            port: estatePorts.smtp,
            service: 'smtp',
            banner: `220 ${name('mail')} ESMTP Postfix`,
          },
        ],
      },
      {
        address: `${prefix}.4`,
        hosts: [name('shop')],
        services: [
          {
            kind: 'tls',
            port: estatePorts.https,
            profile: 'intermediate',
            certificate: certificate(['shop.example.com']),
          },
        ],
      },
      { address: `${prefix}.5`, hosts: [name('empty')], services: [] },
    ],
    scannedPorts: Object.values(estatePorts),
  };
};

const withServices = (
  address: EstateAddress,
  change: (services: readonly ServiceSpec[]) => readonly ServiceSpec[],
): EstateAddress => ({ ...address, services: change(address.services) });

/**
 * The estate a day later: the SSH service of the second address is gone, an HTTP service came up on the first,
 * and the certificate about to expire on the third was renewed (a new key of the same size, valid a year).
 */
export const changedEstateLayout = (layout: EstateLayout): EstateLayout => {
  const [first, second, third, ...rest] = layout.addresses;
  if (first === undefined || second === undefined || third === undefined) {
    throw new Error('the estate to change has fewer than three addresses');
  }
  return {
    ...layout,
    addresses: [
      withServices(first, (services) => [...services, { kind: 'http', port: estatePorts.late }]),
      withServices(second, (services) => services.filter((service) => service.kind !== 'banner')),
      withServices(third, (services) =>
        services.map((service) =>
          service.kind === 'tls'
            ? {
                ...service,
                certificate: { ...service.certificate, issue: service.certificate.issue + 1, daysValid: 365 },
              }
            : service,
        ),
      ),
      ...rest,
    ],
  };
};
