import { describe, expect, it } from '@jest/globals';
import { MalformedXmlError, XmlLimitError } from './parser-errors.ts';
import { XmlGuard } from './xml-guard.ts';
import { defaultXmlLimits } from './xml-limits.ts';

const limits = { ...defaultXmlLimits, maxTokenChars: 20, maxDeclarationChars: 30 };

/** Feeds the text one character at a time: every construct is split at every position. */
const feed = (text: string): void => {
  const guard = new XmlGuard(limits);
  for (const character of text) guard.check(character);
};

describe('XmlGuard', () => {
  it('follows comments, PIs and the nmaprun DOCTYPE to their end across chunks, `<` inside them included', () => {
    expect(() => feed('<?xml version="1.0"?><!DOCTYPE nmaprun><!-- a <b> -- c --><nmaprun/>')).not.toThrow();
  });

  it('counts a tag with the text after it, and starts again at the next `<`', () => {
    expect(() => feed(`<a b="${'x'.repeat(10)}"/><c>${'y'.repeat(15)}</c>`)).not.toThrow();
    expect(() => feed(`<a b="${'x'.repeat(16)}"/>`)).toThrow(XmlLimitError);
    expect(() => feed(`<!-- ${'z'.repeat(30)} -->`)).toThrow(/comment is longer than 30/);
  });

  it('refuses a DOCTYPE with an internal subset and CDATA, however they are split', () => {
    expect(() => feed('<!DOCTYPE nmaprun [<!ENTITY a "b">]>')).toThrow(/internal subset/);
    expect(() => feed('<a><![CDATA[x]]></a>')).toThrow(MalformedXmlError);
    expect(() => feed('<!-x>')).toThrow(/starts no valid markup/);
  });
});
