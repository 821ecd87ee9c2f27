import { createReadStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type RawScanMetadata,
  rawMetadataFile,
  rawScanMetadataSchema,
  rawXmlFile,
} from '../nmap-run/index.ts';
import type { HostScanOutput } from './host-result.ts';
import { type ParseOptions, parseNmapScan, parseNmapXml } from './parse-results.ts';

/** The real nmap runs in test-data (see its regenerate.ts), each as the lake stores a scan. */
export const testDataDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-data');

export const fixtureNames = [
  'ipv4-services',
  'ipv6-and-down',
  'host-timeout',
  'killed',
  'truncated-xml',
  'truncated-gzip',
] as const;

export type FixtureName = (typeof fixtureNames)[number];

export const fixtureRaw = {
  bucket: 'sec-an-test-nmap-scanner-raw-results',
  key: 'raw/2026/11/21/fixture/nmap.xml.gz',
};

export const fixtureMetadata = (name: FixtureName): RawScanMetadata =>
  rawScanMetadataSchema.parse(JSON.parse(readFileSync(join(testDataDir, name, rawMetadataFile), 'utf8')));

export const fixtureXmlPath = (name: FixtureName): string => join(testDataDir, name, rawXmlFile);

export const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
};

export const fixtureOptions = (name: FixtureName): ParseOptions => ({
  raw: fixtureRaw,
  metadata: fixtureMetadata(name),
});

/** Every host result of a fixture, read as the parser reads the lake. */
export const parseFixture = (name: FixtureName): Promise<HostScanOutput[]> =>
  collect(parseNmapScan(createReadStream(fixtureXmlPath(name)), fixtureOptions(name)));

/** Text chunks from a string, for documents built in a test. */
export async function* chunksOf(text: string, size = 65_536): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

/**
 * The vulners script's own documented XML output (copied from the vulners.nse nmap ships; vulners needs
 * vulners.com, which the fixture runs cannot reach), placed in the port of an nmap document around it.
 */
export const vulnersDocument = (): string => {
  const sample = readFileSync(join(testDataDir, 'vulners-xmloutput.xml'), 'utf8');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE nmaprun>',
    '<nmaprun scanner="nmap" start="1795298000" version="7.93">',
    '<host starttime="1795298000" endtime="1795298060"><status state="up" reason="syn-ack"/>',
    '<address addr="127.61.0.1" addrtype="ipv4"/>',
    '<ports><port protocol="tcp" portid="53"><state state="open" reason="syn-ack"/>',
    '<service name="domain" product="ISC BIND" version="9.8.2rc1" method="probed" conf="10"><cpe>cpe:/a:isc:bind:9.8.2rc1</cpe></service>',
    `<script id="vulners" output="cpe:/a:isc:bind:9.8.2rc1:">${sample}</script>`,
    '</port></ports></host></nmaprun>',
  ].join('\n');
};

export const parseVulnersDocument = (): Promise<HostScanOutput[]> =>
  collect(parseNmapXml(chunksOf(vulnersDocument()), fixtureOptions('ipv4-services')));
