import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { canonicalJson, entityKey } from './index.ts';

describe('entityKey', () => {
  it('does not depend on property order', () => {
    expect(entityKey({ address: '10.0.0.1', port: 443, protocol: 'tcp' })).toBe(
      entityKey({ protocol: 'tcp', port: 443, address: '10.0.0.1' }),
    );
  });

  it('hashes the canonical form, with keys sorted at every depth', () => {
    const identity = { b: 1, a: { d: [2, 'x'], c: true } };
    expect(canonicalJson(identity)).toBe('{"a":{"c":true,"d":[2,"x"]},"b":1}');
    expect(entityKey(identity)).toBe(
      createHash('sha256').update('{"a":{"c":true,"d":[2,"x"]},"b":1}').digest('hex'),
    );
  });

  it('tells different entities apart', () => {
    expect(entityKey({ port: 443 })).not.toBe(entityKey({ port: '443' }));
  });

  it('refuses values without a JSON form', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});
