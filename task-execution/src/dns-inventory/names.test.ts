import { describe, expect, it } from '@jest/globals';
import { ancestorsWithin, isDnsName, isWithin, normalizeDnsName, normalizeZoneId } from './names.ts';

describe('DNS names', () => {
  it.each([
    ['WWW.Example.COM.', 'www.example.com'],
    ['\\052.apps.example.com.', '*.apps.example.com'],
    ['example.com', 'example.com'],
    ['a\\100b.example.com.', 'a@b.example.com'],
  ])('normalizes %s to %s', (raw, name) => {
    expect(normalizeDnsName(raw)).toBe(name);
  });

  it('strips the hosted zone prefix of a zone id', () => {
    expect(normalizeZoneId('/hostedzone/Z123ABC')).toBe('Z123ABC');
    expect(normalizeZoneId('Z123ABC')).toBe('Z123ABC');
  });

  it.each([
    ['www.example.com', true],
    ['_dmarc.example.com', true],
    ['*.example.com', true],
    ['a.*.example.com', false],
    ['', false],
    ['has space.example.com', false],
    ['-leading.example.com', false],
    ['double..dot.com', false],
    [`${'a'.repeat(64)}.com`, false],
  ])('%s is a DNS name: %s', (name, valid) => {
    expect(isDnsName(name)).toBe(valid);
  });

  it('tells whether a name lies in a zone on a label boundary', () => {
    expect(isWithin('www.example.com', 'example.com')).toBe(true);
    expect(isWithin('example.com', 'example.com')).toBe(true);
    expect(isWithin('badexample.com', 'example.com')).toBe(false);
  });

  it('lists the names between a name and its apex, nearest first', () => {
    expect(ancestorsWithin('a.b.example.com', 'example.com')).toEqual(['b.example.com', 'example.com']);
    expect(ancestorsWithin('example.com', 'example.com')).toEqual([]);
  });
});
