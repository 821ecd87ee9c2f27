import { entityKey } from '@sec-an/contracts/entity-key';
import type { ResultDocument } from '@sec-an/contracts/scan-result';
import { present, scriptEntries } from './json-fields.ts';
import type { NmapHost, NmapPort } from './nmap-host.ts';
import { type Certificate, readCertificate } from './ssl-cert.ts';
import { lowestProtocol, readTlsEnumeration, type TlsEnumeration } from './ssl-enum-ciphers.ts';
import { cvssSeverity, readVulnerabilities, type Vulnerability } from './vulners.ts';

/** Service names nmap gives TLS services even without version detection (from its services table). */
const tlsServiceNames = new Set([
  'https',
  'https-alt',
  'ssl',
  'imaps',
  'pop3s',
  'smtps',
  'ldaps',
  'ftps',
  'ircs',
]);

/** What a port's scripts and service say, read once and used by every document of the port. */
export interface PortFacts {
  readonly port: NmapPort;
  readonly tls: boolean;
  readonly certificate?: { readonly certificate: Certificate; readonly output: string };
  readonly enumeration?: { readonly enumeration: TlsEnumeration; readonly output: string };
  readonly vulnerabilities?: { readonly vulnerabilities: readonly Vulnerability[]; readonly output: string };
}

const scriptNamed = (port: NmapPort, id: string) => port.scripts.find((script) => script.id === id);

export const portFacts = (port: NmapPort): PortFacts => {
  const certScript = scriptNamed(port, 'ssl-cert');
  const certificate = certScript === undefined ? undefined : readCertificate(certScript.value);
  const cipherScript = scriptNamed(port, 'ssl-enum-ciphers');
  const enumeration = cipherScript === undefined ? undefined : readTlsEnumeration(cipherScript.value);
  const vulnersScript = scriptNamed(port, 'vulners');
  const tls =
    port.service?.tunnel === 'ssl' ||
    tlsServiceNames.has(port.service?.name ?? '') ||
    certificate !== undefined ||
    (enumeration?.protocols.length ?? 0) > 0;
  return {
    port,
    tls,
    ...(certificate === undefined ? {} : { certificate: { certificate, output: certScript?.output ?? '' } }),
    ...(enumeration === undefined || enumeration.protocols.length === 0
      ? {}
      : { enumeration: { enumeration, output: cipherScript?.output ?? '' } }),
    ...(vulnersScript === undefined
      ? {}
      : {
          vulnerabilities: {
            vulnerabilities: readVulnerabilities(vulnersScript.value),
            output: vulnersScript.output,
          },
        }),
  };
};

const portIdentity = (host: NmapHost, port: NmapPort) => ({
  address: host.address,
  port: port.port,
  protocol: port.protocol,
});

const daysBetween = (from: string, to: string): number =>
  Math.round(((Date.parse(to) - Date.parse(from)) / 86_400_000) * 100) / 100;

const highestCvss = (vulnerabilities: readonly Vulnerability[]): number | undefined => {
  const scores = vulnerabilities.flatMap((vulnerability) => vulnerability.cvss ?? []);
  return scores.length === 0 ? undefined : Math.max(...scores);
};

/** The port document: state, service, TLS, every script's output (the 2019 parser dropped it here). */
export const portDocument = (host: NmapHost, facts: PortFacts, scanEnd: string): ResultDocument => {
  const { port } = facts;
  const service = port.service;
  const protocols = facts.enumeration?.enumeration.protocols.map((protocol) => protocol.protocol) ?? [];
  const notAfter = facts.certificate?.certificate.notAfter;
  const vulnerabilities = facts.vulnerabilities?.vulnerabilities;
  return {
    key: entityKey(portIdentity(host, port)),
    fields: present({
      ...portIdentity(host, port),
      addressType: host.addressType,
      state: port.state,
      reason: port.reason,
      reasonTtl: port.reasonTtl,
      service: service?.name,
      product: service?.product,
      version: service?.version,
      extraInfo: service?.extraInfo,
      osType: service?.osType,
      deviceType: service?.deviceType,
      serviceHostName: service?.hostName,
      serviceMethod: service?.method,
      serviceConfidence: service?.confidence,
      tunnel: service?.tunnel,
      tls: facts.tls,
      cpes: service?.cpes ?? [],
      scripts: scriptEntries(port.scripts),
      tlsProtocols: protocols.length === 0 ? undefined : protocols,
      tlsLowestProtocol: lowestProtocol(protocols),
      tlsLeastStrength: facts.enumeration?.enumeration.leastStrength,
      certificateNotAfter: notAfter,
      certificateDaysToExpiry: notAfter === undefined ? undefined : daysBetween(scanEnd, notAfter),
      vulnerabilityCount: vulnerabilities?.length,
      highestCvss: vulnerabilities === undefined ? undefined : highestCvss(vulnerabilities),
    }),
  };
};

/** ssl-cert's certificate, one per endpoint: a new certificate there is a change of this entity. */
export const certificateDocument = (host: NmapHost, facts: PortFacts, scanEnd: string): ResultDocument[] => {
  if (facts.certificate === undefined) return [];
  const { certificate, output } = facts.certificate;
  const identity = portIdentity(host, facts.port);
  return [
    {
      key: entityKey(identity),
      fields: present({
        ...identity,
        addressType: host.addressType,
        // `subject` is a name the ingest writes into every document; the certificate's is its subject name.
        subjectName: present({ ...certificate.subject }),
        issuerName: present({ ...certificate.issuer }),
        subjectAltNames: certificate.subjectAltNames,
        dnsNames: certificate.dnsNames,
        ipAddresses: certificate.ipAddresses,
        publicKeyType: certificate.publicKeyType,
        publicKeyBits: certificate.publicKeyBits,
        publicKeyCurve: certificate.publicKeyCurve,
        signatureAlgorithm: certificate.signatureAlgorithm,
        notBefore: certificate.notBefore,
        notAfter: certificate.notAfter,
        // Counted from the scan's end, not the parse: parsing the same raw object again gives the same document.
        daysToExpiry:
          certificate.notAfter === undefined ? undefined : daysBetween(scanEnd, certificate.notAfter),
        expired:
          certificate.notAfter === undefined
            ? undefined
            : Date.parse(certificate.notAfter) < Date.parse(scanEnd),
        md5: certificate.md5,
        sha1: certificate.sha1,
        sha256: certificate.sha256,
        pem: certificate.pem,
        selfSigned: certificate.selfSigned,
        extensions: certificate.extensions.map((extension) => present({ ...extension })),
        scriptOutput: output,
      }),
    },
  ];
};

/** One document per protocol and cipher, with the protocol's and the port's grades beside the cipher's. */
export const tlsCipherDocuments = (host: NmapHost, facts: PortFacts): ResultDocument[] => {
  if (facts.enumeration === undefined) return [];
  const { enumeration, output } = facts.enumeration;
  const identity = portIdentity(host, facts.port);
  return enumeration.protocols.flatMap((protocol) =>
    protocol.ciphers.map((cipher) => ({
      key: entityKey({ ...identity, tlsProtocol: protocol.protocol, cipher: cipher.name }),
      fields: present({
        ...identity,
        addressType: host.addressType,
        tlsProtocol: protocol.protocol,
        cipher: cipher.name,
        keyExchange: cipher.keyExchange,
        strength: cipher.strength,
        cipherPreference: protocol.cipherPreference,
        compressors: protocol.compressors,
        protocolWarnings: protocol.warnings,
        leastStrength: enumeration.leastStrength,
        scriptOutput: output,
      }),
    })),
  );
};

/** One document per vulnerability vulners reported for a CPE of the port. */
export const cveDocuments = (host: NmapHost, facts: PortFacts): ResultDocument[] => {
  if (facts.vulnerabilities === undefined) return [];
  const { vulnerabilities, output } = facts.vulnerabilities;
  const identity = portIdentity(host, facts.port);
  const service = facts.port.service;
  return vulnerabilities.map((vulnerability) => ({
    key: entityKey({ ...identity, cpe: vulnerability.cpe, id: vulnerability.id }),
    fields: present({
      ...identity,
      addressType: host.addressType,
      service: service?.name,
      product: service?.product,
      version: service?.version,
      cpe: vulnerability.cpe,
      id: vulnerability.id,
      type: vulnerability.type,
      cvss: vulnerability.cvss,
      severity: cvssSeverity(vulnerability.cvss),
      isExploit: vulnerability.isExploit,
      scriptOutput: output,
    }),
  }));
};
