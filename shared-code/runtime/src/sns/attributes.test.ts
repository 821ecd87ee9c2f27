import { describe, expect, it } from '@jest/globals';
import { ContractViolationError } from '../errors/index.ts';
import { decodeAttributes, encodeAttributes, toSnsAttributes } from './attributes.ts';

describe('message attribute encoding', () => {
  it('gives each kind of value the SNS data type a filter policy can match', () => {
    expect(
      encodeAttributes({ task: 'nmap-scanner', 'contract-version': 2, urgent: true, tags: ['a', 'b"c'] }),
    ).toEqual({
      task: { dataType: 'String', value: 'nmap-scanner' },
      'contract-version': { dataType: 'Number', value: '2' },
      urgent: { dataType: 'String', value: 'true' },
      tags: { dataType: 'String.Array', value: '["a","b\\"c"]' },
    });
  });

  it('puts encoded values in the shape the SNS client sends', () => {
    expect(toSnsAttributes(encodeAttributes({ n: 1.5, off: false }))).toEqual({
      n: { DataType: 'Number', StringValue: '1.5' },
      off: { DataType: 'String', StringValue: 'false' },
    });
  });

  it('decodes back to plain values; a boolean stays the string it travelled as', () => {
    const attributes = { task: 'ssl-scanner', 'contract-version': 1, tags: ['x', 'y'], urgent: true };
    expect(decodeAttributes(encodeAttributes(attributes))).toEqual({ ...attributes, urgent: 'true' });
  });

  it('decodes by data type prefix and leaves out binary attributes', () => {
    expect(
      decodeAttributes({
        count: { dataType: 'Number.int', value: '7' },
        label: { dataType: 'String.custom', value: 'v' },
        blob: { dataType: 'Binary', value: 'AAE=' },
      }),
    ).toEqual({ count: 7, label: 'v' });
  });

  it('refuses a string array that is not a JSON array of strings', () => {
    expect(() => decodeAttributes({ tags: { dataType: 'String.Array', value: '[1,2]' } })).toThrow(
      ContractViolationError,
    );
    expect(() => decodeAttributes({ tags: { dataType: 'String.Array', value: 'not json' } })).toThrow(/tags/);
  });
});
