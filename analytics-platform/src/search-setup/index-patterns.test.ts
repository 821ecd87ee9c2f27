import { describe, expect, it } from '@jest/globals';
import { indexPatternsOf, indicesMatching, matchesIndexPattern } from './index-patterns.ts';

describe('index template patterns', () => {
  it('match names exactly, with * for any run of characters', () => {
    expect(matchesIndexPattern('changes', 'changes')).toBe(true);
    expect(matchesIndexPattern('changes-old', 'changes')).toBe(false);
    expect(matchesIndexPattern('nmap-port-snapshot', '*-snapshot')).toBe(true);
    expect(matchesIndexPattern('nmap-port-history', '*-snapshot')).toBe(false);
    expect(matchesIndexPattern('a.b', 'a.*')).toBe(true);
    expect(matchesIndexPattern('axb', 'a.b')).toBe(false);
  });

  it('select the existing indices a template applies to', () => {
    const indices = ['nmap-port-snapshot', 'nmap-port-history', 'changes', '.kibana_1'];
    expect(indicesMatching(indices, ['nmap-port-snapshot', 'nmap-port-history'])).toEqual([
      'nmap-port-snapshot',
      'nmap-port-history',
    ]);
    expect(indicesMatching(indices, [])).toEqual([]);
  });

  it('read one pattern or a list from a template body', () => {
    expect(indexPatternsOf({ index_patterns: 'changes' })).toEqual(['changes']);
    expect(indexPatternsOf({ index_patterns: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(indexPatternsOf({})).toEqual([]);
  });
});
