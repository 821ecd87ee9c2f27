import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { plannedRequestId, planPeriod, scanPlanWrites, validatePlanSettings } from './index.ts';

const period = planPeriod(
  'ingest-7',
  Date.UTC(2026, 10, 21),
  validatePlanSettings({ periodSeconds: '86400', buckets: '96' }),
);

describe('scan-plan rows', () => {
  it('hold the table model attributes, expiring one period after the plan ends', () => {
    const placement = { address: '198.51.100.7', bucket: 3, plannedAt: period.startsAt + 3 * 900_000 + 1234 };
    const [batch] = [...scanPlanWrites(period, [placement], () => ['www.example.com', 'example.com'])];
    expect(batch?.map((write) => write.PutRequest?.Item)).toEqual([
      {
        bucket: { S: 'ingest-7@2026-11-21T00:00:00.000Z#00003' },
        address: { S: '198.51.100.7' },
        plannedAt: { N: String(placement.plannedAt) },
        requestId: { S: plannedRequestId(period.planId, '198.51.100.7') },
        hosts: { SS: ['www.example.com', 'example.com'] },
        status: { S: 'planned' },
        expiresAt: { N: String(Date.UTC(2026, 10, 23) / 1000) },
      },
    ]);
  });

  it('come in batches of 25 puts, the most one BatchWriteItem takes', () => {
    const placements = Array.from({ length: 60 }, (_, i) => ({
      address: `10.0.0.${i}`,
      bucket: 0,
      plannedAt: period.startsAt + i,
    }));
    const batches = [...scanPlanWrites(period, placements, () => ['x.example.com'])];
    expect(batches.map((batch) => batch.length)).toEqual([25, 25, 10]);
    expect(batches.flat().map((write) => write.PutRequest?.Item?.address?.S)).toEqual(
      placements.map(({ address }) => address),
    );
  });

  it('leave out the host set of an address no name reaches (DynamoDB has no empty set)', () => {
    const [batch] = [
      ...scanPlanWrites(
        period,
        [{ address: '2001:db8::1', bucket: 0, plannedAt: period.startsAt }],
        () => [],
      ),
    ];
    expect(batch?.[0]?.PutRequest?.Item).not.toHaveProperty('hosts');
  });
});

describe('planned request ids', () => {
  it('are version 5 UUIDs that the scan-request contract accepts', () => {
    const id = plannedRequestId(period.planId, '198.51.100.7');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.uuid().safeParse(id).success).toBe(true);
  });

  it('are RFC 9562 name-based UUIDs of the JSON pair [planId, address]', () => {
    // Python: uuid.uuid5(UUID('b80a0af4-d127-43b9-af4d-a4480b4bb7d4'), json.dumps([plan, address], separators=(',', ':')))
    expect(plannedRequestId('ingest-7@2026-11-21T00:00:00.000Z', '198.51.100.7')).toBe(
      '29dd6f72-4bd8-5c0e-b370-f441ffb88b43',
    );
  });

  it('are the same for the same plan and address, and differ otherwise', () => {
    const id = plannedRequestId(period.planId, '198.51.100.7');
    expect(plannedRequestId(period.planId, '198.51.100.7')).toBe(id);
    expect(plannedRequestId(period.planId, '198.51.100.70')).not.toBe(id);
    expect(plannedRequestId('ingest-8@2026-11-21T00:00:00.000Z', '198.51.100.7')).not.toBe(id);
    // The two parts are kept apart: no other split of the same characters gives the same id.
    expect(plannedRequestId('a', 'b1')).not.toBe(plannedRequestId('ab', '1'));
  });
});
