import { describe, expect, it } from '@jest/globals';
import { ContractViolationError } from '@sec-an/contracts/contract';
import { scanRequestV1 } from '@sec-an/contracts/scan-request';
import { parseRecordBody } from './record-body.ts';

const request = {
  contract: 'scan-request',
  version: 1,
  requestId: '0b7c5d1e-8a57-4c55-9c8e-5f3f7b9b0a11',
  task: 'nmap-scanner',
  targets: ['198.51.100.7'],
  origin: 'on-demand',
  requestedAt: '2026-11-21T10:00:00.000Z',
};

describe('parsing a record body', () => {
  it('parses JSON against a contract, or any of several', () => {
    expect(parseRecordBody({ body: JSON.stringify(request) }, scanRequestV1)).toEqual(request);
    expect(parseRecordBody({ body: JSON.stringify(request) }, [scanRequestV1])).toEqual(request);
  });

  it('reports a body that is not JSON, or breaks the contract, as a contract violation', () => {
    expect(() => parseRecordBody({ body: 'not json' }, scanRequestV1)).toThrow(ContractViolationError);
    expect(() => parseRecordBody({ body: 'not json' }, scanRequestV1)).toThrow(/not JSON/);
    const broken = JSON.stringify({ ...request, targets: [] });
    expect(() => parseRecordBody({ body: broken }, scanRequestV1)).toThrow(ContractViolationError);
  });
});
