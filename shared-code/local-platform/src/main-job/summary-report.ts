import { changeIndex, deadLetterIndex, snapshotIndex } from '@sec-an/contracts/search-index';
import { expiryWarningDays, type MainJobSummary } from './main-job-summary.ts';
import { nmapTask, tlsTask } from './task-names.ts';
import type { TlsScanSummary } from './tls-summary.ts';

const pad = (text: string, width: number): string => text.padEnd(width);

const hostsSection = (summary: MainJobSummary): string[] => [
  `hosts       ${summary.addresses.length} address(es) scanned`,
  ...summary.addresses.flatMap(({ address, hosts, openPorts }) => [
    `  ${pad(address, 16)}${hosts.join(', ') || '(no name)'}`,
    ...(openPorts.length === 0
      ? ['      no open port']
      : openPorts.map(
          (port) =>
            `      ${pad(`${port.port}/tcp`, 10)}${pad(port.tls ? `ssl/${port.service}` : port.service, 10)}` +
            [port.product, port.version].filter((part) => part !== undefined).join(' '),
        )),
  ]),
];

const endpointOf = (tls: TlsScanSummary): string => `${tls.address}:${tls.port}`;
const nameOf = (tls: TlsScanSummary): string => (tls.serverName === '' ? '(no SNI)' : tls.serverName);

const tlsLine = (tls: TlsScanSummary): string =>
  tls.source === 'nmap'
    ? `  ${pad(endpointOf(tls), 22)}${pad('(nmap only)', 24)}weakest suite ${tls.grade ?? '?'}  ` +
      `${tls.protocols.join(' ')}  ` +
      (tls.intermediateFailures.length === 0 ? 'passes' : `fails: ${tls.intermediateFailures.join('; ')}`)
    : `  ${pad(endpointOf(tls), 22)}${pad(nameOf(tls), 24)}grade ${pad(tls.grade ?? tls.status, 3)}` +
      `best ${pad(tls.bestProfile ?? '?', 13)}${tls.protocols.join(' ') || '-'}` +
      (tls.intermediateFailures.length === 0
        ? ''
        : `  intermediate fails: ${tls.intermediateFailures.join(', ')}`);

const tlsSection = (summary: MainJobSummary): string[] => {
  const judged = summary.tls.filter((tls) => tls.source === 'ssl-scanner');
  const endpoints = new Set(summary.tls.map(endpointOf));
  return [
    `TLS         ${endpoints.size} endpoint(s), ${judged.length} scan(s) by the TLS scanner (without SNI and per ` +
      "name; grades SSL Labs-like, profiles Mozilla's)",
    ...summary.tls.map(tlsLine),
  ];
};

const certificateConcerns = (tls: TlsScanSummary): string[] => [
  ...(tls.daysToExpiry === undefined || tls.daysToExpiry >= expiryWarningDays
    ? []
    : tls.daysToExpiry < 0
      ? [`EXPIRED ${tls.notAfter ?? ''}`]
      : [`expires in ${Math.floor(tls.daysToExpiry)} day(s) (${tls.notAfter ?? ''})`]),
  ...(tls.nameMatches === false ? ['does not cover the name'] : []),
  ...(tls.trusted === false ? ['untrusted'] : []),
  ...(tls.chainReasons.length === 0 ? [] : [`chain: ${tls.chainReasons.join(', ')}`]),
];

const certificatesSection = (summary: MainJobSummary): string[] => {
  const flagged = summary.tls.filter((tls) => certificateConcerns(tls).length > 0);
  const leaves = new Set(summary.tls.flatMap((tls) => tls.leafFingerprint ?? []));
  return [
    `certificates ${leaves.size} leaf certificate(s) served, ${flagged.length} scan(s) to look at`,
    ...flagged.map(
      (tls) => `  ${pad(endpointOf(tls), 22)}${pad(nameOf(tls), 24)}${certificateConcerns(tls).join('; ')}`,
    ),
  ];
};

/** A first scan makes every entity appear: worth a count; what changed or went away is worth a line each. */
const changesSection = (summary: MainJobSummary): string[] => {
  const scanChanges = summary.changes.filter((change) => change.task === nmapTask || change.task === tlsTask);
  const appeared = scanChanges.filter((change) => change.change === 'appeared').length;
  const others = scanChanges.filter((change) => change.change !== 'appeared');
  return [
    `changes     ${summary.changes.length} since the job began; from scans: ${appeared} appeared, ` +
      `${others.length} changed or disappeared`,
    ...others
      .slice(-20)
      .map(
        (change) =>
          `  ${change.at}  ${pad(change.change, 12)}${change.type} ${change.label}` +
          (change.field === undefined
            ? ''
            : `  ${change.field}: ${change.before ?? '-'} -> ${change.after ?? '-'}`),
      ),
  ];
};

const deadLettersSection = (summary: MainJobSummary): string[] => {
  const queued = summary.deadLetters.queues.reduce((sum, queue) => sum + queue.count, 0);
  const archived = summary.deadLetters.archived.reduce((sum, source) => sum + source.count, 0);
  return [
    `dead letters ${queued} in dead-letter queues, ${archived} archived and reported`,
    ...summary.deadLetters.queues.map(
      (queue) => `  ${queue.queueName}: ${queue.count} (\`./sec-an redrive\`)`,
    ),
    ...summary.deadLetters.archived.map((source) => `  archived from ${source.source}: ${source.count}`),
  ];
};

const queriesSection = (endpoint: string): string[] => {
  const query = (what: string, path: string) => [`  # ${what}`, `  curl -s '${endpoint}/${path}'`];
  return [
    `look further  OpenSearch ${endpoint}`,
    ...query(
      'open ports and services',
      `${snapshotIndex(nmapTask, 'port')}/_search?q=state:open&size=100&pretty`,
    ),
    ...query(
      'TLS grades and best Mozilla profile per endpoint and name',
      `${snapshotIndex(tlsTask, 'tls-endpoint')}/_search?size=100&_source=address,port,serverName,grade,bestProfile&pretty`,
    ),
    ...query(
      "endpoints failing Mozilla's intermediate profile, with the reasons",
      `${snapshotIndex(tlsTask, 'tls-compliance')}/_search?q=profile:intermediate%20AND%20compliant:false&size=100&pretty`,
    ),
    ...query(
      `certificates expiring within ${expiryWarningDays} days`,
      `${snapshotIndex(tlsTask, 'certificate')}/_search?q=daysToExpiry:<${expiryWarningDays}&pretty`,
    ),
    ...query(
      'names served a certificate that does not cover them',
      `${snapshotIndex(tlsTask, 'tls-endpoint')}/_search?q=nameMatches:false&pretty`,
    ),
    ...query(
      'weak TLS cipher suites',
      `${snapshotIndex(tlsTask, 'tls-cipher')}/_search?q=weak:true&size=100&pretty`,
    ),
    ...query('the latest changes', `${changeIndex}/_search?sort=@timestamp:desc&size=20&pretty`),
    ...query('dead letters', `${deadLetterIndex}/_search?pretty`),
    ...query('every index', '_cat/indices?v&s=index'),
  ];
};

/** The summary as the command prints it, one section after another. */
export const summaryReport = (summary: MainJobSummary, openSearchEndpoint: string): string[] => [
  ...hostsSection(summary),
  ...tlsSection(summary),
  ...certificatesSection(summary),
  ...changesSection(summary),
  ...deadLettersSection(summary),
  ...queriesSection(openSearchEndpoint),
];
