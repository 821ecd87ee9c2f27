import { createReadStream, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { parseMessage } from '@sec-an/contracts/contract';
import { entityKey } from '@sec-an/contracts/entity-key';
import { portFindingV1 } from '@sec-an/contracts/port-finding';
import { type ScanResult, scanResultV1 } from '@sec-an/contracts/scan-result';
import type { HostScanOutput } from './host-result.ts';
import { parseNmapScan, parseNmapXml } from './parse-results.ts';
import { nmapTask, parserVersion } from './parser-identity.ts';
import {
  chunksOf,
  collect,
  fixtureMetadata,
  fixtureNames,
  fixtureOptions,
  fixtureRaw,
  fixtureXmlPath,
  parseFixture,
  parseVulnersDocument,
} from './test-fixtures.ts';

type Fields = Record<string, unknown>;

const resultFor = (outputs: readonly HostScanOutput[], address: string): HostScanOutput => {
  const output = outputs.find((entry) => entry.result.subject.label === address);
  if (output === undefined) throw new Error(`no result for ${address}`);
  return output;
};

const docs = (result: ScanResult, type: string): Fields[] =>
  (result.documents[type] ?? []).map((document) => document.fields as Fields);

const portDoc = (result: ScanResult, port: number): Fields => {
  const found = docs(result, 'port').find((fields) => fields.port === port);
  if (found === undefined) throw new Error(`no port ${port}`);
  return found;
};

const scriptOutput = (fields: Fields, id: string): string | undefined =>
  (fields.scripts as { id: string; output: string }[]).find((script) => script.id === id)?.output;

describe('the parser on real nmap runs (IPv4: TLS, HTTP, plain TCP, closed ports, an empty address, OS detection)', () => {
  it('gives one contract-valid result per host, stamped with the task, parser version, request and raw object', async () => {
    const outputs = await parseFixture('ipv4-services');
    const metadata = fixtureMetadata('ipv4-services');
    expect(outputs.map((output) => output.result.subject.label)).toEqual([
      '127.61.0.1',
      '127.61.0.2',
      '127.61.0.3',
      '127.0.0.1',
    ]);
    for (const { result } of outputs) {
      expect(parseMessage(scanResultV1, result)).toEqual(result);
      expect(result).toMatchObject({
        task: nmapTask,
        parserVersion,
        raw: fixtureRaw,
        requestId: metadata.requestId,
        scanId: `${nmapTask}/${metadata.requestId}/${result.subject.label}`,
        coverage: 'complete',
        subject: { key: entityKey({ address: result.subject.label }) },
      });
    }
  });

  it('reads every port with its state, reason and service, and only open ones become port findings', async () => {
    const { result, ports } = resultFor(await parseFixture('ipv4-services'), '127.61.0.1');
    expect(docs(result, 'port').map((fields) => [fields.port, fields.state])).toEqual([
      [47025, 'open'],
      [47080, 'open'],
      [47443, 'open'],
      [47444, 'closed'],
      [47999, 'closed'],
    ]);
    expect(portDoc(result, 47080)).toMatchObject({
      address: '127.61.0.1',
      addressType: 'ipv4',
      protocol: 'tcp',
      reason: 'syn-ack',
      service: 'http',
      product: 'SimpleHTTPServer',
      version: '0.6',
      cpes: ['cpe:/a:python:simplehttpserver:0.6'],
      tls: false,
    });
    expect(portDoc(result, 47443)).toMatchObject({ service: 'http', tunnel: 'ssl', tls: true });
    expect(portDoc(result, 47999)).toMatchObject({ state: 'closed', reason: 'conn-refused' });
    expect(ports.map((finding) => [finding.port, finding.service, finding.tls])).toEqual([
      [47025, 'unknown', false],
      [47080, 'http', false],
      [47443, 'http', true],
    ]);
    expect(ports[2]).toMatchObject({
      address: '127.61.0.1',
      addressType: 'ipv4',
      hosts: ['www.fixture.test'],
    });
    for (const finding of ports) expect(parseMessage(portFindingV1, finding)).toEqual(finding);
    const http = parseMessage(portFindingV1, ports[1]);
    expect(http.productVersion).toBe('0.6');
    expect(portFindingV1.attributes(http)).toMatchObject({
      service: 'http',
      product: 'SimpleHTTPServer',
      tls: false,
      contract: 'port-finding',
    });
  });

  it('keeps every script output in the port document and in the documents derived from it', async () => {
    const { result } = resultFor(await parseFixture('ipv4-services'), '127.61.0.1');
    const tlsPort = portDoc(result, 47443);
    const certOutput = scriptOutput(tlsPort, 'ssl-cert');
    const cipherOutput = scriptOutput(tlsPort, 'ssl-enum-ciphers');
    expect(certOutput).toContain('Subject: commonName=www.fixture.test');
    expect(cipherOutput).toContain('least strength: A');
    expect(scriptOutput(portDoc(result, 47080), 'http-title')).toBe('Directory listing for /');
    expect(docs(result, 'certificate')[0]?.scriptOutput).toBe(certOutput);
    for (const cipher of docs(result, 'tls-cipher')) expect(cipher.scriptOutput).toBe(cipherOutput);
  });

  it('reads the certificate: names, SANs, key, signature, validity, days to expiry at the scan', async () => {
    const { result } = resultFor(await parseFixture('ipv4-services'), '127.61.0.1');
    const [certificate] = docs(result, 'certificate');
    expect(certificate).toMatchObject({
      port: 47443,
      subjectName: { commonName: 'www.fixture.test', organization: 'sec-an fixtures', country: 'GB' },
      issuerName: { commonName: 'www.fixture.test' },
      dnsNames: ['www.fixture.test', 'fixture.test'],
      ipAddresses: ['127.61.0.1'],
      publicKeyType: 'ec',
      publicKeyBits: 256,
      publicKeyCurve: 'prime256v1',
      signatureAlgorithm: 'ecdsa-with-SHA256',
      selfSigned: true,
      expired: false,
    });
    expect(certificate?.daysToExpiry).toBeCloseTo(90, 0);
    expect(certificate?.sha1).toMatch(/^[0-9a-f]{40}$/);
    expect(certificate?.pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(portDoc(result, 47443).certificateNotAfter).toBe(certificate?.notAfter);
  });

  it('reads TLS protocols and graded ciphers, with warnings and preference, and sums them per host', async () => {
    const outputs = await parseFixture('ipv4-services');
    const modern = resultFor(outputs, '127.61.0.1').result;
    expect(new Set(docs(modern, 'tls-cipher').map((cipher) => cipher.tlsProtocol))).toEqual(
      new Set(['TLSv1.2', 'TLSv1.3']),
    );
    expect(docs(modern, 'tls-cipher').every((cipher) => cipher.strength === 'A')).toBe(true);
    const legacy = resultFor(outputs, '127.61.0.2').result;
    const anonymous = docs(legacy, 'tls-cipher').find(
      (cipher) => cipher.cipher === 'TLS_DH_anon_WITH_AES_128_CBC_SHA',
    );
    expect(anonymous).toMatchObject({
      port: 47444,
      tlsProtocol: 'TLSv1.0',
      strength: 'F',
      cipherPreference: 'client',
      leastStrength: 'F',
      compressors: ['NULL'],
      protocolWarnings: ['Anonymous key exchange, score capped at F'],
    });
    expect(portDoc(legacy, 47444)).toMatchObject({
      tls: true,
      tlsProtocols: ['TLSv1.0'],
      tlsLowestProtocol: 'TLSv1.0',
      tlsLeastStrength: 'F',
    });
    expect(docs(legacy, 'certificate')[0]).toMatchObject({ publicKeyType: 'rsa', publicKeyBits: 1024 });
    expect(docs(legacy, 'host-summary')[0]).toMatchObject({
      openPorts: [47444],
      tlsPorts: [47444],
      lowestTlsProtocol: 'TLSv1.0',
      weakestTlsGrade: 'F',
      certificateCount: 1,
      vulnerabilityCount: 0,
    });
  });

  it('reads the host: status, reverse names, the OS guess and uptime', async () => {
    const outputs = await parseFixture('ipv4-services');
    const [host] = docs(resultFor(outputs, '127.61.0.1').result, 'host');
    expect(host).toMatchObject({
      status: 'up',
      statusReason: 'localhost-response',
      dnsNames: ['www.fixture.test'],
      os: { family: 'Linux', vendor: 'Linux', type: 'general purpose' },
      distance: 0,
      timedOut: false,
    });
    expect((host as Fields).os).toEqual(expect.objectContaining({ accuracy: expect.any(Number) }));
    expect(host?.uptimeSeconds).toEqual(expect.any(Number));
    expect(Date.parse(host?.lastBootAt as string)).toBeLessThan(Date.parse(host?.endedAt as string));
    expect(docs(resultFor(outputs, '127.0.0.1').result, 'host')[0]?.hostNames).toEqual([
      { name: 'localhost', type: 'PTR' },
    ]);
    const empty = resultFor(outputs, '127.61.0.3');
    expect(empty.ports).toEqual([]);
    expect(docs(empty.result, 'port').every((fields) => fields.state === 'closed')).toBe(true);
    expect(docs(empty.result, 'host-summary')[0]).toMatchObject({ openPortCount: 0, openPorts: [] });
  });

  it('handles vulners being in the profile without egress: no output, no CVE documents', async () => {
    expect(fixtureMetadata('ipv4-services').profile.scripts).toContain('vulners');
    for (const { result } of await parseFixture('ipv4-services')) {
      expect(result.documents.cve).toEqual([]);
      expect(docs(result, 'port').some((fields) => scriptOutput(fields, 'vulners') !== undefined)).toBe(
        false,
      );
    }
  });

  it('reads vulners output (the script documentation sample): CVEs with CVSS and severity, and the maxima', async () => {
    const [{ result }] = (await parseVulnersDocument()) as [HostScanOutput];
    expect(docs(result, 'cve')).toEqual([
      expect.objectContaining({
        id: 'CVE-2012-1667',
        cvss: 8.5,
        severity: 'high',
        type: 'cve',
        isExploit: false,
        cpe: 'cpe:/a:isc:bind:9.8.2rc1',
        port: 53,
        product: 'ISC BIND',
      }),
      expect.objectContaining({ id: 'CVE-2015-4620', cvss: 7.8, severity: 'high' }),
    ]);
    expect(portDoc(result, 53)).toMatchObject({ vulnerabilityCount: 2, highestCvss: 8.5 });
    expect(docs(result, 'host-summary')[0]).toMatchObject({
      vulnerabilityCount: 2,
      highestCvss: 8.5,
      highestSeverity: 'high',
    });
    expect(parseMessage(scanResultV1, result)).toEqual(result);
  });
});

describe('the parser on IPv6, down hosts, timeouts and cut documents', () => {
  it('reads an IPv6 host, and reports a down host as such, partial', async () => {
    const outputs = await parseFixture('ipv6-and-down');
    const up = resultFor(outputs, '::1');
    expect(up.result.coverage).toBe('complete');
    expect(docs(up.result, 'port').map((fields) => [fields.port, fields.state, fields.tls])).toEqual([
      [47025, 'open', false],
      [47443, 'open', true],
      [47999, 'closed', false],
    ]);
    expect(docs(up.result, 'certificate')[0]).toMatchObject({
      addressType: 'ipv6',
      ipAddresses: ['0:0:0:0:0:0:0:1'],
    });
    expect(up.ports.map((finding) => [finding.addressType, finding.port, finding.tls])).toEqual([
      ['ipv6', 47025, false],
      ['ipv6', 47443, true],
    ]);
    const down = resultFor(outputs, '100::1');
    expect(down.result.coverage).toBe('partial');
    expect(docs(down.result, 'host')[0]).toMatchObject({
      status: 'down',
      statusReason: 'no-response',
      addressType: 'ipv6',
    });
    expect(down.result.documents.port).toEqual([]);
    expect(down.ports).toEqual([]);
  });

  it('marks a host nmap gave up at its host timeout partial', async () => {
    const [output] = await parseFixture('host-timeout');
    expect(output?.result.coverage).toBe('partial');
    expect(docs(output?.result as ScanResult, 'host')[0]).toMatchObject({ status: 'up', timedOut: true });
  });

  it('gives a scan stopped at its overall timeout a partial result with an unknown status', async () => {
    const outputs = await parseFixture('killed');
    const metadata = fixtureMetadata('killed');
    expect(metadata.completion).toBe('incomplete');
    expect(outputs.map(({ result }) => [result.subject.label, result.coverage])).toEqual([
      ['127.61.0.1', 'partial'],
    ]);
    expect(docs(outputs[0]?.result as ScanResult, 'host')[0]).toMatchObject({
      status: 'unknown',
      statusReason: 'scan-incomplete',
    });
    expect(outputs[0]?.result).toMatchObject({ startedAt: metadata.startedAt, endedAt: metadata.endedAt });
  });

  it('sees a document cut in its second host although its metadata says complete', async () => {
    const outputs = await parseFixture('truncated-xml');
    expect(outputs.map(({ result }) => [result.subject.label, result.coverage])).toEqual([
      ['127.61.0.1', 'complete'],
      ['127.61.0.2', 'partial'],
      ['127.61.0.3', 'partial'],
      ['127.0.0.1', 'partial'],
    ]);
    expect(docs(resultFor(outputs, '127.61.0.3').result, 'host')[0]).toMatchObject({
      status: 'unknown',
      statusReason: 'scan-incomplete',
    });
  });

  it('reads a gzip stream cut short as far as it goes', async () => {
    const outputs = await parseFixture('truncated-gzip');
    expect(outputs.map(({ result }) => [result.subject.label, result.coverage])).toEqual([
      ['127.61.0.1', 'partial'],
      ['127.61.0.2', 'partial'],
      ['127.61.0.3', 'partial'],
      ['127.0.0.1', 'partial'],
    ]);
    // The stream stops inside the first host, after its ports: what it holds is kept.
    expect(docs(outputs[0]?.result as ScanResult, 'port').map((fields) => fields.port)).toEqual([
      47025, 47080, 47443, 47444, 47999,
    ]);
  });
});

describe('the parser as a pure function of the raw object', () => {
  it('gives the same results whatever the chunking, down to one character per chunk', async () => {
    for (const name of fixtureNames.filter((fixture) => fixture !== 'truncated-gzip')) {
      const xml = gunzipSync(readFileSync(fixtureXmlPath(name))).toString('utf8');
      const whole = await collect(parseNmapXml(chunksOf(xml, xml.length + 1), fixtureOptions(name)));
      const tiny = await collect(parseNmapXml(chunksOf(xml, 1), fixtureOptions(name)));
      expect(tiny).toEqual(whole);
    }
  });

  it('gives the same results when parsed again (re-ingestion changes nothing)', async () => {
    const first = await parseFixture('ipv4-services');
    const again = await collect(
      parseNmapScan(createReadStream(fixtureXmlPath('ipv4-services')), fixtureOptions('ipv4-services')),
    );
    expect(again).toEqual(first);
  });
});
