import { describe, expect, it } from '@jest/globals';
import { patternsOverlap, titlePatterns } from './index-pattern-match.ts';

describe('patternsOverlap', () => {
  it.each([
    ['changes', 'changes', true],
    ['changes', 'change', false],
    ['nmap-*', 'nmap-port-snapshot', true],
    ['*-snapshot', 'nmap-port-*', true],
    ['*-snapshot', 'nmap-port-history', false],
    ['a*c', 'ab*', true],
    ['a*c', 'b*', false],
    ['*', 'anything', true],
    ['x*y*z', '*q*', true],
    ['dead-letters', 'dead-letters*', true],
  ])('%s and %s: %s', (first, second, expected) => {
    expect(patternsOverlap(first, second)).toBe(expected);
    expect(patternsOverlap(second, first)).toBe(expected);
  });
});

describe('titlePatterns', () => {
  it("lists an index pattern's patterns without its exclusions", () => {
    expect(titlePatterns('nmap-*, ssl-*,-nmap-old')).toEqual(['nmap-*', 'ssl-*']);
  });
});
