import { describe, expect, it } from '@jest/globals';
import { ContractViolationError } from '@sec-an/contracts/contract';
import { rawObjectOf } from './raw-object.ts';

/** The shape S3 sends EventBridge (Amazon S3 user guide, EventBridge event message structure). */
const objectCreated = (bucket: string, object: Record<string, unknown>) => ({
  body: JSON.stringify({
    version: '0',
    id: '17793124-05d4-b198-2fde-7ededc63b103',
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '123456789012',
    time: '2026-11-21T10:02:13Z',
    region: 'eu-west-2',
    resources: [`arn:aws:s3:::${bucket}`],
    detail: {
      version: '0',
      bucket: { name: bucket },
      object,
      'request-id': 'N4N7GDK58NMKJ12R',
      requester: '123456789012',
      reason: 'PutObject',
    },
  }),
});

const bucket = 'sec-an-dev-nmap-scanner-nmap-raw-results';

describe('rawObjectOf', () => {
  it('reads the bucket, key, size and version an Object Created event names', () => {
    const record = objectCreated(bucket, {
      key: 'raw/2026/11/21/0b7c5d1e-8a57-4c55-9c8e-5f3f7b9b0a11/nmap.xml',
      size: 5120,
      etag: 'b1946ac92492d2347c6235b4d2611184',
      'version-id': 'IYV3p45BT0ac8hjHg1houSdS1a.Mro8e',
      sequencer: '00617F08299329D189',
    });

    expect(rawObjectOf(record, bucket)).toEqual({
      bucket,
      key: 'raw/2026/11/21/0b7c5d1e-8a57-4c55-9c8e-5f3f7b9b0a11/nmap.xml',
      size: 5120,
      versionId: 'IYV3p45BT0ac8hjHg1houSdS1a.Mro8e',
    });
  });

  it("refuses an object of another bucket than the task's", () => {
    expect(() => rawObjectOf(objectCreated('someone-else', { key: 'raw/x', size: 1 }), bucket)).toThrow(
      new ContractViolationError(
        `the raw-results event names bucket someone-else, not the task's bucket ${bucket}`,
      ),
    );
  });

  it.each([
    ['not JSON', { body: 'raw/x' }],
    [
      'another event',
      { body: JSON.stringify({ source: 'aws.s3', 'detail-type': 'Object Deleted', detail: {} }) },
    ],
    ['an event without a key', objectCreated(bucket, { size: 1 })],
  ])('refuses %s as a contract violation, never retried', (_, record) => {
    expect(() => rawObjectOf(record, bucket)).toThrow(ContractViolationError);
  });
});
