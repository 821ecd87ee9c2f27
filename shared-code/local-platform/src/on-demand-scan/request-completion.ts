import { readOptionalParameter } from '@sec-an/runtime/parameters';
import type { ResultDocument } from './result-documents.ts';

/** The tasks whose documents make an on-demand scan's answer, as their documents name them. */
const nmapTask = 'nmap-scanner';
const tlsTask = 'ssl-scanner';

type Fields = ResultDocument['source'];

const numbers = (value: unknown): number[] => (Array.isArray(value) ? value.map(Number) : []);

/** The open ports the host summary counts, the TLS ones among them, and what is still missing. */
export interface RequestProgress {
  readonly finished: boolean;
  /** What the request still waits for, for a person: empty once finished. */
  readonly waitingFor: string;
}

const ofRequest = (documents: readonly ResultDocument[], requestId: string, task: string, type: string) =>
  documents
    .map(({ source }) => source)
    .filter(
      (source: Fields) =>
        source.scan.requestId === requestId && source.scan.task === task && source.entity.type === type,
    );

/**
 * Whether a request's scans are all in: nmap's host summary for it is there, as many open port documents as the
 * summary counts (one scan's documents reach their indices' searches at slightly different moments), and, where
 * the TLS scanner is deployed, its endpoint documents for every TLS port the summary names: they carry the request
 * id of the nmap scan whose port finding led to them.
 */
export const requestProgress = (
  documents: readonly ResultDocument[],
  requestId: string,
  tlsScannerDeployed: boolean,
): RequestProgress => {
  const [summary] = ofRequest(documents, requestId, nmapTask, 'host-summary');
  if (summary === undefined) return { finished: false, waitingFor: "nmap's host summary" };
  const open = new Set(
    ofRequest(documents, requestId, nmapTask, 'port')
      .filter((port) => port.state === 'open')
      .map((port) => port.entity.key),
  );
  const openPortCount = Number(summary.openPortCount ?? 0);
  if (open.size < openPortCount) {
    return { finished: false, waitingFor: `${openPortCount - open.size} of ${openPortCount} open port(s)` };
  }
  if (!tlsScannerDeployed) return { finished: true, waitingFor: '' };
  const judged = new Set(
    ofRequest(documents, requestId, tlsTask, 'tls-endpoint').map((tls) => Number(tls.port)),
  );
  const unjudged = numbers(summary.tlsPorts).filter((port) => !judged.has(port));
  return unjudged.length === 0
    ? { finished: true, waitingFor: '' }
    : { finished: false, waitingFor: `the TLS scan of port(s) ${unjudged.join(', ')}` };
};

/** The TLS scanner publishes its input queue: a stage without it has no TLS scans to wait for. */
export const isTlsScannerDeployed = async (): Promise<boolean> =>
  (await readOptionalParameter({ project: 'ssl-scanner', thing: 'ssl-scanner-queue', attribute: 'url' })) !==
  undefined;
