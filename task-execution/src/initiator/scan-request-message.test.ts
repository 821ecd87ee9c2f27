import { describe, expect, it } from '@jest/globals';
import { ContractViolationError } from '@sec-an/contracts/contract';
import { delayedMessageOf, delaySecondsUntil } from './scan-request-message.ts';

const now = Date.parse('2026-11-21T10:00:00.000Z');
const scan = {
  bucket: 'ingest-1@2026-11-21T10:00:00.000Z#00000',
  address: '2001:db8::7',
  plannedAt: now + 431_250,
  requestId: '0b7c5d1e-8a57-5c55-9c8e-5f3f7b9b0a11',
  hosts: ['a.example.com', 'www.example.com'],
};

describe('a planned scan as a delayed scan request', () => {
  it('is delayed to its planned moment, rounded up so that it never arrives early', () => {
    expect(delaySecondsUntil(now + 431_250, now)).toBe(432);
    expect(delaySecondsUntil(now + 431_000, now)).toBe(431);
    expect(delaySecondsUntil(now + 1, now)).toBe(1);
  });

  it('is not delayed once its moment has passed, and never beyond SQS longest delay', () => {
    expect(delaySecondsUntil(now - 5_000, now)).toBe(0);
    expect(delaySecondsUntil(now + 3_600_000, now)).toBe(900);
  });

  it('carries a scan-request v1 body from the plan, with its attributes for the subscribers', () => {
    const message = delayedMessageOf(scan, now);
    expect(JSON.parse(message.body)).toEqual({
      contract: 'scan-request',
      version: 1,
      requestId: scan.requestId,
      target: { address: '2001:db8::7', hosts: ['a.example.com', 'www.example.com'] },
      origin: 'plan',
      requestedAt: '2026-11-21T10:00:00.000Z',
      plannedAt: '2026-11-21T10:07:11.250Z',
    });
    expect(message).toMatchObject({ id: scan.requestId, plannedAt: scan.plannedAt });
    expect(message.attributes).toEqual({
      origin: { dataType: 'String', value: 'plan' },
      addressType: { dataType: 'String', value: 'ipv6' },
      contract: { dataType: 'String', value: 'scan-request' },
      'contract-version': { dataType: 'Number', value: '1' },
    });
  });

  it('is refused when the row breaks the contract', () => {
    expect(() => delayedMessageOf({ ...scan, requestId: 'not-a-uuid' }, now)).toThrow(ContractViolationError);
  });
});
