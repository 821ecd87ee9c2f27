import { type ByteSource, decodeUtf8, gunzipChunks } from './byte-sources.ts';
import {
  type HostScanOutput,
  hostResult,
  type ResultContext,
  unreportedTargetResult,
} from './host-result.ts';
import { readHost } from './nmap-host.ts';
import { type NmapXmlEvent, readNmapXml } from './nmap-xml-reader.ts';
import { defaultXmlLimits, type XmlLimits } from './xml-limits.ts';

export interface ParseOptions extends ResultContext {
  readonly limits?: XmlLimits;
}

type EndEvent = Extract<NmapXmlEvent, { kind: 'end' }>;

/** At the end: the host the document was cut in, then every target nmap wrote nothing about. */
function* endResults(
  event: EndEvent,
  options: ParseOptions,
  reported: Set<string>,
): Generator<HostScanOutput> {
  const cut = event.openHost === undefined ? undefined : readHost(event.openHost);
  if (cut !== undefined && !reported.has(cut.address)) {
    reported.add(cut.address);
    yield hostResult(cut, options, false);
  }
  const reason =
    event.closed && options.metadata.completion === 'complete' ? 'not-reported-by-nmap' : 'scan-incomplete';
  for (const target of options.metadata.targets) {
    if (!reported.has(target.address)) yield unreportedTargetResult(target, options, reason);
  }
}

/**
 * Parses one raw scan (nmap's XML as text chunks) into one result per host, each handed on as soon as its host
 * closes, so memory holds one host at a time. Every target of the metadata gets a result: one nmap wrote
 * nothing about is reported with an unknown status. A document that is not nmap XML, breaks XML, or passes a
 * bound throws a typed error; results already handed on are complete in themselves.
 */
export async function* parseNmapXml(
  text: AsyncIterable<string>,
  options: ParseOptions,
): AsyncGenerator<HostScanOutput> {
  const reported = new Set<string>();
  for await (const event of readNmapXml(text, options.limits ?? defaultXmlLimits)) {
    if (event.kind === 'end') {
      yield* endResults(event, options, reported);
    } else if (event.kind === 'host') {
      const host = readHost(event.host);
      if (host === undefined) continue;
      reported.add(host.address);
      yield hostResult(host, options, true);
    }
  }
}

/** Parses a raw object as the lake stores it: gzipped XML, read as a stream. */
export const parseNmapScan = (gzippedXml: ByteSource, options: ParseOptions) =>
  parseNmapXml(decodeUtf8(gunzipChunks(gzippedXml)), options);
