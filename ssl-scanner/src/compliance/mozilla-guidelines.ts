import { cipherSuites, namedGroups, type ProtocolVersion } from '../handshake/index.ts';

/** The Mozilla server-side TLS configurations this module checks against, newest first. */
export const mozillaProfileNames = ['modern', 'intermediate', 'old'] as const;
export type MozillaProfileName = (typeof mozillaProfileNames)[number];

/** One configuration of the pinned guidelines, with names turned into the codes the scanner observes. */
export interface MozillaProfile {
  readonly name: MozillaProfileName;
  readonly protocols: readonly ProtocolVersion[];
  /** TLS 1.2-and-older suites and TLS 1.3 suites together, by IANA code. */
  readonly cipherSuites: ReadonlySet<number>;
  /** Key exchange groups (tls_curves) by TLS Supported Groups code. */
  readonly groups: ReadonlySet<number>;
  /** Node key types: rsa, ec. */
  readonly certificateKeyTypes: readonly string[];
  readonly certificateCurves: readonly string[];
  readonly certificateSignatures: readonly string[];
  readonly minimumRsaKeyBits?: number;
  readonly minimumDhBits?: number;
  readonly serverPreferredOrder: boolean;
}

interface GuidelineConfiguration {
  readonly certificate_curves: readonly string[];
  readonly certificate_signatures: readonly string[];
  readonly certificate_types: readonly string[];
  readonly ciphers: { readonly iana: readonly string[] };
  readonly ciphersuites: readonly string[];
  readonly dh_param_size: number | null;
  readonly rsa_key_size: number | null;
  readonly server_preferred_order: boolean;
  readonly tls_curves: readonly string[];
  readonly tls_versions: readonly string[];
}

interface Guidelines {
  readonly version: number;
  readonly configurations: Readonly<Record<MozillaProfileName, GuidelineConfiguration>>;
}

const pinned: Guidelines = (await import('./guidelines/5.8.json', { with: { type: 'json' } })).default;

/** The guideline version the profiles come from (the `version` of the pinned file). */
export const mozillaGuidelinesVersion: string = pinned.version.toFixed(1);

export class UnknownGuidelineNameError extends Error {
  constructor(kind: string, name: string) {
    super(`Mozilla guidelines ${mozillaGuidelinesVersion} name a ${kind} the scanner does not know: ${name}`);
    this.name = 'UnknownGuidelineNameError';
  }
}

const protocolByGuidelineName: Readonly<Record<string, ProtocolVersion>> = {
  SSLv2: 'SSLv2',
  SSLv3: 'SSLv3',
  TLSv1: 'TLSv1.0',
  'TLSv1.1': 'TLSv1.1',
  'TLSv1.2': 'TLSv1.2',
  'TLSv1.3': 'TLSv1.3',
};

/** The guidelines write OpenSSL's curve names; the registry IANA's. */
const groupAliases: Readonly<Record<string, string>> = { prime256v1: 'secp256r1', prime192v1: 'secp192r1' };

const keyTypeByCertificateType: Readonly<Record<string, string>> = { rsa: 'rsa', ecdsa: 'ec' };

const suiteCodeByName = new Map(cipherSuites.map((suite) => [suite.name, suite.code]));
const groupCodeByName = new Map(namedGroups.map((group) => [group.name.toLowerCase(), group.code]));

const lookUp = <T>(kind: string, name: string, found: T | undefined): T => {
  if (found === undefined) throw new UnknownGuidelineNameError(kind, name);
  return found;
};

const profileOf = (name: MozillaProfileName, configuration: GuidelineConfiguration): MozillaProfile => ({
  name,
  protocols: configuration.tls_versions.map((v) => lookUp('protocol', v, protocolByGuidelineName[v])),
  cipherSuites: new Set(
    [...configuration.ciphers.iana, ...configuration.ciphersuites].map((suite) =>
      lookUp('cipher suite', suite, suiteCodeByName.get(suite)),
    ),
  ),
  groups: new Set(
    configuration.tls_curves.map((curve) => {
      const lower = curve.toLowerCase();
      return lookUp('group', curve, groupCodeByName.get(groupAliases[lower] ?? lower));
    }),
  ),
  certificateKeyTypes: configuration.certificate_types.map((type) =>
    lookUp('certificate type', type, keyTypeByCertificateType[type]),
  ),
  certificateCurves: configuration.certificate_curves,
  certificateSignatures: configuration.certificate_signatures,
  ...(configuration.rsa_key_size === null ? {} : { minimumRsaKeyBits: configuration.rsa_key_size }),
  ...(configuration.dh_param_size === null ? {} : { minimumDhBits: configuration.dh_param_size }),
  serverPreferredOrder: configuration.server_preferred_order,
});

/** The modern, intermediate and old configurations of the pinned guidelines. */
export const mozillaProfiles: readonly MozillaProfile[] = mozillaProfileNames.map((name) =>
  profileOf(name, pinned.configurations[name]),
);
