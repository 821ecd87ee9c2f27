import { entityKey } from '@sec-an/contracts/entity-key';
import type { ResultDocument } from '@sec-an/contracts/scan-result';
import { present, scriptEntries } from './json-fields.ts';
import type { NmapHost, NmapOsMatch } from './nmap-host.ts';
import type { PortFacts } from './port-documents.ts';
import { lowestProtocol } from './ssl-enum-ciphers.ts';
import { cvssSeverity } from './vulners.ts';

/** nmap lists OS matches best first; the first of the highest accuracy is its guess. */
const bestMatch = (matches: readonly NmapOsMatch[]): NmapOsMatch | undefined =>
  matches.reduce<NmapOsMatch | undefined>(
    (best, match) => (best === undefined || match.accuracy > best.accuracy ? match : best),
    undefined,
  );

const osGuess = (matches: readonly NmapOsMatch[]) => {
  const match = bestMatch(matches);
  if (match === undefined) return undefined;
  const osClass = match.classes[0];
  return present({
    name: match.name,
    accuracy: match.accuracy,
    type: osClass?.type,
    vendor: osClass?.vendor,
    family: osClass?.family,
    generation: osClass?.generation,
    cpes: match.classes.flatMap((entry) => entry.cpes),
  });
};

/** Grades run A (best) to F; the weakest is the latest letter. */
const weakestGrade = (grades: readonly string[]): string | undefined => [...grades].sort().at(-1);

const earliest = (times: readonly string[]): string | undefined => [...times].sort()[0];

/** The host as nmap saw it: status, names, addresses, OS guess, uptime, host scripts. */
export const hostDocument = (host: NmapHost, dnsNames: readonly string[]): ResultDocument => ({
  key: entityKey({ address: host.address }),
  fields: present({
    address: host.address,
    addressType: host.addressType,
    status: host.state,
    statusReason: host.reason,
    hostNames: host.hostNames.map((name) => present({ ...name })),
    dnsNames,
    macAddress: host.mac?.address,
    macVendor: host.mac?.vendor,
    os: osGuess(host.osMatches),
    osMatches: host.osMatches.map(({ name, accuracy }) => ({ name, accuracy })),
    uptimeSeconds: host.uptimeSeconds,
    lastBootAt:
      host.uptimeSeconds === undefined || host.endedAt === undefined
        ? undefined
        : new Date(Date.parse(host.endedAt) - host.uptimeSeconds * 1000).toISOString(),
    distance: host.distance,
    startedAt: host.startedAt,
    endedAt: host.endedAt,
    timedOut: host.timedOut,
    closedPortsNotListed: host.extraPorts.reduce(
      (sum, extra) => sum + (extra.state === 'closed' ? extra.count : 0),
      0,
    ),
    scripts: scriptEntries(host.scripts),
  }),
});

/** One document per host summing up its ports: what an estate-wide dashboard reads without joining. */
export const hostSummaryDocument = (
  host: NmapHost,
  facts: readonly PortFacts[],
  dnsNames: readonly string[],
): ResultDocument => {
  const open = facts.filter((fact) => fact.port.state === 'open');
  const tlsPorts = open.filter((fact) => fact.tls);
  const protocols = [
    ...new Set(
      open.flatMap((fact) => fact.enumeration?.enumeration.protocols.map((entry) => entry.protocol) ?? []),
    ),
  ];
  const grades = open.flatMap((fact) => fact.enumeration?.enumeration.leastStrength ?? []);
  const expiries = open.flatMap((fact) => fact.certificate?.certificate.notAfter ?? []);
  const vulnerabilities = open.flatMap((fact) => fact.vulnerabilities?.vulnerabilities ?? []);
  const scores = vulnerabilities.flatMap((vulnerability) => vulnerability.cvss ?? []);
  const highestCvss = scores.length === 0 ? undefined : Math.max(...scores);
  const os = bestMatch(host.osMatches);
  return {
    key: entityKey({ address: host.address }),
    fields: present({
      address: host.address,
      addressType: host.addressType,
      status: host.state,
      dnsNames,
      openPortCount: open.length,
      openPorts: open.map((fact) => fact.port.port),
      services: [...new Set(open.flatMap((fact) => fact.port.service?.name ?? []))],
      tlsPorts: tlsPorts.map((fact) => fact.port.port),
      tlsProtocols: protocols,
      lowestTlsProtocol: lowestProtocol(protocols),
      weakestTlsGrade: weakestGrade(grades),
      certificateCount: expiries.length,
      earliestCertificateExpiry: earliest(expiries),
      vulnerabilityCount: vulnerabilities.length,
      highestCvss,
      highestSeverity: vulnerabilities.length === 0 ? undefined : cvssSeverity(highestCvss),
      osName: os?.name,
      osAccuracy: os?.accuracy,
    }),
  };
};
