import { changeIndex, deadLetterIndex, snapshotIndex } from '@sec-an/contracts/search-index';
import { nmapTask } from './cycle-observation.ts';
import { expiryWarningDays, type MainJobSummary } from './main-job-summary.ts';

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

const tlsSection = (summary: MainJobSummary): string[] => [
  `TLS         ${summary.tls.length} endpoint(s) (nmap ssl-enum-ciphers; Mozilla intermediate: TLS 1.2+, suites graded A)`,
  ...summary.tls.map(
    (tls) =>
      `  ${pad(`${tls.address}:${tls.port}`, 22)}grade ${tls.grade ?? '?'}  ${tls.protocols.join(' ')}  ` +
      (tls.failures.length === 0 ? 'passes' : `fails: ${tls.failures.join('; ')}`),
  ),
  ...(summary.tlsScannerIndices.length === 0
    ? ['  (the TLS scanner has written no documents: its section is empty)']
    : summary.tlsScannerIndices.map(
        (index) => `  TLS scanner ${index.index}: ${index.documents} document(s)`,
      )),
];

const certificatesSection = (summary: MainJobSummary): string[] => {
  const flagged = summary.certificates.filter(
    (cert) => !cert.namesMatch || (cert.daysToExpiry !== undefined && cert.daysToExpiry < expiryWarningDays),
  );
  return [
    `certificates ${summary.certificates.length} seen, ${flagged.length} to look at`,
    ...flagged.map((cert) =>
      [
        `  ${pad(`${cert.address}:${cert.port}`, 22)}${cert.names.join(', ')}`,
        cert.daysToExpiry === undefined || cert.daysToExpiry >= expiryWarningDays
          ? ''
          : cert.daysToExpiry < 0
            ? `  EXPIRED ${cert.notAfter ?? ''}`
            : `  expires in ${Math.floor(cert.daysToExpiry)} day(s) (${cert.notAfter ?? ''})`,
        cert.namesMatch ? '' : "  names none of the address's hosts",
      ].join(''),
    ),
  ];
};

/** A first scan makes every entity appear: worth a count; what changed or went away is worth a line each. */
const changesSection = (summary: MainJobSummary): string[] => {
  const scanChanges = summary.changes.filter((change) => change.task === nmapTask);
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
      `certificates expiring within ${expiryWarningDays} days`,
      `${snapshotIndex(nmapTask, 'certificate')}/_search?q=daysToExpiry:<${expiryWarningDays}&pretty`,
    ),
    ...query(
      'weak TLS cipher suites',
      `${snapshotIndex(nmapTask, 'tls-cipher')}/_search?q=strength:(C OR D OR E OR F)&size=100&pretty`.replaceAll(
        ' ',
        '%20',
      ),
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
