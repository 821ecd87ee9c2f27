import { portFindingV1 } from '@sec-an/contracts/port-finding';
import type { ScanResult } from '@sec-an/contracts/scan-result';
import { publishMessages } from '@sec-an/runtime/sns';
import {
  type LastScanOutcome,
  type ParserSettings,
  publishResults,
  type RawObject,
  readRawResult,
  recordLastScan,
} from '@sec-an/task-execution/task-runtime';
import {
  type HostScanOutput,
  MalformedXmlError,
  NotNmapXmlError,
  parseNmapScan,
  XmlLimitError,
} from '../results-parser/index.ts';
import { objectUrl, rawScanFileOf, readRawScanMetadata } from './raw-scan-files.ts';

/** What one raw object led to. */
export type RawScanOutcome =
  | { readonly kind: 'metadata-only'; readonly object: string }
  | {
      readonly kind: 'published';
      readonly object: string;
      readonly results: number;
      readonly portFindings: number;
      readonly lastScans: Readonly<Record<string, LastScanOutcome>>;
    };

const parserErrors = [NotNmapXmlError, MalformedXmlError, XmlLimitError] as const;

/** The parser's error, of the same class, saying which object it is about. */
const naming = (error: unknown, object: RawObject): unknown => {
  const kind = parserErrors.find((each) => error instanceof each);
  return kind === undefined
    ? error
    : new kind(`${objectUrl(object)}: ${(error as Error).message}`, { cause: error });
};

/**
 * Every host's result, parsed to the end before any is published: a raw object that turns out not to be nmap
 * XML, or breaks a bound half-way, publishes nothing rather than part of itself as if it were the scan. A scan
 * holds one address, so this keeps one host in memory, as the parser does.
 */
const parseAll = async (object: RawObject): Promise<HostScanOutput[]> => {
  const raw = await readRawResult(object);
  const metadata = await readRawScanMetadata(object, raw.metadata.requestId);
  const outputs: HostScanOutput[] = [];
  try {
    for await (const output of parseNmapScan([raw.body], {
      raw: { bucket: object.bucket, key: object.key },
      metadata,
    })) {
      outputs.push(output);
    }
  } catch (error) {
    throw naming(error, object);
  }
  return outputs;
};

/** A host nmap said something about was scanned; a target it never reached (status unknown) was not. */
const wasScanned = (result: ScanResult): boolean => result.documents.host?.[0]?.fields.status !== 'unknown';

const recordLastScans = async (
  results: readonly ScanResult[],
  task: string,
): Promise<Record<string, LastScanOutcome>> => {
  const outcomes: Record<string, LastScanOutcome> = {};
  for (const result of results.filter(wasScanned)) {
    outcomes[result.subject.label] = await recordLastScan({
      address: result.subject.label,
      scannedAt: Date.parse(result.endedAt),
      task,
    });
  }
  return outcomes;
};

/**
 * Parses one raw scan and publishes it on the task's results topic: each host's `scan-result` (which the ingest
 * queue's subscription takes) and each open port's `port-finding` (which secondary scanners' subscriptions take
 * by their attributes), then records the scan on each scanned address's row, for coverage. Results go before
 * findings, and both before the record, so a retry after a failure repeats messages (the ingest and secondary
 * scanners are idempotent on the scan id) and never leaves an address marked scanned without its results.
 */
export const publishRawScan = async (
  object: RawObject,
  settings: ParserSettings,
): Promise<RawScanOutcome> => {
  if (rawScanFileOf(object) === 'metadata') return { kind: 'metadata-only', object: objectUrl(object) };
  const outputs = await parseAll(object);
  const results = outputs.map(({ result }) => result);
  const findings = outputs.flatMap(({ ports }) => ports);
  await publishResults(settings, results);
  if (findings.length > 0) {
    await publishMessages(settings.resultsTopicArn, portFindingV1, findings, {
      claimCheckBucket: settings.resultsBucket,
    });
  }
  return {
    kind: 'published',
    object: objectUrl(object),
    results: results.length,
    portFindings: findings.length,
    lastScans: await recordLastScans(results, settings.taskName),
  };
};
