import { describe, expect, it } from '@jest/globals';
import { ContractViolationError } from '@sec-an/contracts/contract';
import { scanRequestV1, scanRequestV1Example } from '@sec-an/contracts/scan-request';
import { parseRecordBody } from './record-body.ts';

const request = scanRequestV1Example;

describe('parsing a record body', () => {
  it('parses JSON against a contract, or any of several', () => {
    expect(parseRecordBody({ body: JSON.stringify(request) }, scanRequestV1)).toEqual(request);
    expect(parseRecordBody({ body: JSON.stringify(request) }, [scanRequestV1])).toEqual(request);
  });

  it('reports a body that is not JSON, or breaks the contract, as a contract violation', () => {
    expect(() => parseRecordBody({ body: 'not json' }, scanRequestV1)).toThrow(ContractViolationError);
    expect(() => parseRecordBody({ body: 'not json' }, scanRequestV1)).toThrow(/not JSON/);
    const broken = JSON.stringify({ ...request, target: { address: '', hosts: [] } });
    expect(() => parseRecordBody({ body: broken }, scanRequestV1)).toThrow(ContractViolationError);
  });
});
