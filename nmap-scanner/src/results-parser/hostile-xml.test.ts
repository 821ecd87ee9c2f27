import { gzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { SaxesParser } from 'saxes';
import { parseNmapScan, parseNmapXml } from './parse-results.ts';
import { MalformedXmlError, NotNmapXmlError, XmlLimitError } from './parser-errors.ts';
import { chunksOf, collect, fixtureOptions } from './test-fixtures.ts';
import { defaultXmlLimits } from './xml-limits.ts';

const options = fixtureOptions('ipv4-services');
const header = '<?xml version="1.0" encoding="UTF-8"?>\n';
const parse = (xml: string) => collect(parseNmapXml(chunksOf(xml), options));

const billionLaughs = `${header}<!DOCTYPE nmaprun [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<nmaprun scanner="nmap"><host><status state="up"/><address addr="127.61.0.1" addrtype="ipv4"/>
<hostnames><hostname name="&lol9;" type="PTR"/></hostnames></host></nmaprun>`;

const externalEntity = `${header}<!DOCTYPE nmaprun [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<nmaprun scanner="nmap"><host><status state="up"/><address addr="127.61.0.1" addrtype="ipv4"/>
<hostnames><hostname name="&xxe;" type="PTR"/></hostnames></host></nmaprun>`;

/** An endless source: the parser must stop on its own, having read only a bounded prefix. */
async function* endless(prefix: string, filler: string, counter: { chunks: number }): AsyncGenerator<string> {
  yield prefix;
  for (;;) {
    counter.chunks += 1;
    yield filler;
  }
}

const chunk = 'A'.repeat(65_536);
const boundedChunks = Math.ceil(defaultXmlLimits.maxTokenChars / chunk.length) + 2;

describe('saxes itself, as the parser uses it', () => {
  const saxes = (xml: string) => () => {
    const parser = new SaxesParser({ xmlns: false, position: true });
    parser.write(xml).close();
  };

  it('declares no entity from an internal subset, so a reference to one fails instead of expanding', () => {
    expect(saxes(billionLaughs)).toThrow(/undefined entity/);
  });

  it('never resolves an external entity: the reference is undefined', () => {
    expect(saxes(externalEntity)).toThrow(/undefined entity/);
  });

  it('knows the five predefined entities and character references only', () => {
    expect(saxes('<a b="&lt;&amp;&#x41;"/>')).not.toThrow();
    expect(saxes('<a b="&nbsp;"/>')).toThrow(/undefined entity/);
  });
});

describe('hostile XML', () => {
  it('refuses entity-expansion bombs and external entities at the DOCTYPE, before any expansion', async () => {
    const started = Date.now();
    await expect(parse(billionLaughs)).rejects.toThrow(MalformedXmlError);
    await expect(parse(billionLaughs)).rejects.toThrow(/internal subset/);
    await expect(parse(externalEntity)).rejects.toThrow(/internal subset/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('refuses an undefined entity reference without a DTD', async () => {
    await expect(
      parse(
        `${header}<nmaprun scanner="nmap"><host><address addr="&xxe;" addrtype="ipv4"/></host></nmaprun>`,
      ),
    ).rejects.toThrow(/undefined entity/);
  });

  it('refuses CDATA sections and a DOCTYPE other than nmaprun', async () => {
    await expect(parse(`${header}<nmaprun scanner="nmap"><![CDATA[x]]></nmaprun>`)).rejects.toThrow(/CDATA/);
    await expect(parse(`${header}<!DOCTYPE html><nmaprun scanner="nmap"/>`)).rejects.toThrow(NotNmapXmlError);
  });

  it.each([
    ['attribute', '<nmaprun scanner="nmap"><host><address addr="', chunk],
    ['text node', '<nmaprun scanner="nmap"><host><hostnames>', chunk],
    ['text before the root', '', ' '.repeat(65_536)],
    ['tag name', '<nmaprun scanner="nmap"><h', chunk],
  ])('stops on a gigantic %s after a bounded prefix, never buffering the rest', async (_, prefix, filler) => {
    const counter = { chunks: 0 };
    await expect(collect(parseNmapXml(endless(prefix, filler, counter), options))).rejects.toThrow(
      XmlLimitError,
    );
    expect(counter.chunks).toBeLessThanOrEqual(boundedChunks);
  });

  it('stops on a gigantic comment or processing instruction', async () => {
    for (const prefix of ['<!--', '<?pi ']) {
      const counter = { chunks: 0 };
      await expect(collect(parseNmapXml(endless(prefix, `${chunk}<`, counter), options))).rejects.toThrow(
        XmlLimitError,
      );
      expect(counter.chunks).toBeLessThanOrEqual(3);
    }
  });

  it('bounds nesting depth and the elements of one host', async () => {
    await expect(parse(`<nmaprun scanner="nmap"><host>${'<a>'.repeat(100)}`)).rejects.toThrow(
      /nested deeper/,
    );
    const counter = { chunks: 0 };
    const many = endless('<nmaprun scanner="nmap"><host><ports>', '<port/>'.repeat(10_000), counter);
    await expect(collect(parseNmapXml(many, options))).rejects.toThrow(/more than 400000 elements/);
    expect(counter.chunks).toBeLessThanOrEqual(41);
  });

  it('stops a decompression bomb at the document bound', async () => {
    // White space is legal before the root, so only the bound stops it (zero bytes saxes refuses at once). The
    // bomb is 4096 gzip members of 64 KiB of spaces each: 256 MiB inflated, built without compressing 256 MiB.
    const member = gzipSync(Buffer.alloc(64 * 1024, 0x20));
    const bomb = Buffer.concat(Array.from({ length: 4096 }, () => member));
    expect(bomb.length).toBeLessThan(512 * 1024);
    await expect(collect(parseNmapScan([bomb], options))).rejects.toThrow(XmlLimitError);
  });

  it('bounds the whole document', async () => {
    const counter = { chunks: 0 };
    const limits = { ...defaultXmlLimits, maxDocumentChars: 1_000_000 };
    const flood = endless('<nmaprun scanner="nmap">', '<taskprogress/>'.repeat(5_000), counter);
    await expect(collect(parseNmapXml(flood, { ...options, limits }))).rejects.toThrow(
      /longer than 1000000 characters/,
    );
  });

  it.each([
    ['an empty object', Buffer.alloc(0), /empty/],
    ['plain text', Buffer.from('<nmaprun scanner="nmap"/>'), /not gzip/],
    ['another XML document', gzipSync('<html><body/></html>'), /root element is <html>/],
    ['another scanner', gzipSync('<nmaprun scanner="masscan"></nmaprun>'), /not nmap's/],
    ['gzip of nothing', gzipSync(''), /no <nmaprun> element/],
  ])('refuses %s as not nmap XML', async (_, bytes, message) => {
    await expect(collect(parseNmapScan([bytes], options))).rejects.toThrow(NotNmapXmlError);
    await expect(collect(parseNmapScan([bytes], options))).rejects.toThrow(message);
  });

  it('refuses broken XML, naming where', async () => {
    await expect(parse(`${header}<nmaprun scanner="nmap"><host></port></nmaprun>`)).rejects.toThrow(
      MalformedXmlError,
    );
    await expect(parse(`${header}<nmaprun scanner="nmap"></nmaprun><extra/>`)).rejects.toThrow(
      /2:41: documents may contain only one root/,
    );
    await expect(parse(`${header}<nmaprun scanner="nmap"><host a="<"/></nmaprun>`)).rejects.toThrow(
      MalformedXmlError,
    );
  });

  it('refuses a corrupt gzip stream', async () => {
    const good = gzipSync('<nmaprun scanner="nmap"></nmaprun>'.repeat(100));
    const corrupt = Buffer.from(good);
    corrupt.fill(0xff, 20, 40);
    await expect(collect(parseNmapScan([corrupt], options))).rejects.toThrow(/gzip stream is corrupt/);
  });
});
