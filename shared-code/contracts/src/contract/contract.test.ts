import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { scanRequestV1, scanRequestV1Example } from '../scan-request/index.ts';
import { ContractViolationError, defineContract, parseAnyOf, parseMessage } from './index.ts';

const request = scanRequestV1Example;

describe('message contracts', () => {
  it('accepts a valid message and derives its filter attributes, with the contract and its version', () => {
    const message = parseMessage(scanRequestV1, request);
    expect(scanRequestV1.attributes(message)).toEqual({
      origin: 'plan',
      addressType: 'ipv4',
      contract: 'scan-request',
      'contract-version': 1,
    });
  });

  it('rejects a message that breaks the schema, naming the field', () => {
    const broken = { ...request, target: { ...request.target, address: '198.51.100.300' } };
    expect(() => parseMessage(scanRequestV1, broken)).toThrow(/target\.address/);
    expect(() => parseMessage(scanRequestV1, broken)).toThrow(ContractViolationError);
  });

  it('rejects unknown fields, so a typo is not silently ignored', () => {
    expect(() => parseMessage(scanRequestV1, { ...request, targets: ['x'] })).toThrow(ContractViolationError);
  });

  it('rejects another version of the same contract', () => {
    expect(() => parseMessage(scanRequestV1, { ...request, version: 2 })).toThrow(/version/);
  });

  it('lets a consumer accept several versions while producers move over', () => {
    const v2 = defineContract({
      name: 'scan-request',
      version: 2,
      shape: { requestId: z.uuid(), targets: z.array(z.object({ address: z.string() })) },
    });
    const accepted = [scanRequestV1, v2];
    expect(parseAnyOf(accepted, request)).toMatchObject({ version: 1 });
    const second = {
      contract: 'scan-request',
      version: 2,
      requestId: request.requestId,
      targets: [{ address: 'a' }],
    };
    expect(parseAnyOf(accepted, second)).toMatchObject({ version: 2 });
    expect(() => parseAnyOf(accepted, { ...request, version: 3 })).toThrow(
      'message declares scan-request v3; accepted: scan-request v1, scan-request v2',
    );
  });

  it("refuses a contract whose attributes leave no room in SQS's ten for a dead letter's failure", () => {
    const derived = (count: number) =>
      defineContract({
        name: 'wide',
        version: 1,
        shape: {},
        attributes: () => Object.fromEntries(Array.from({ length: count }, (_, i) => [`a${i}`, i])),
      });
    const attributesOf = (count: number) =>
      derived(count).attributes(parseMessage(derived(count), { contract: 'wide', version: 1 }));
    expect(Object.keys(attributesOf(7))).toHaveLength(9);
    expect(() => attributesOf(8)).toThrow(/at most 9 leave room/);
  });
});
