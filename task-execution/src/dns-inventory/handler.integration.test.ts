import { describe, expect, it } from '@jest/globals';
import { useCleanBackends } from '@sec-an/testing/backends';
import type { Context } from 'aws-lambda';
import { handler } from '../handlers/dns-ingest.ts';
import { addressesTable, dnsHistoryTable, dnsIngestsTable, hostsTable } from '../tables/index.ts';
import {
  changeRecords,
  createDnsTables,
  createRole,
  createZone,
  credentialsIn,
  readRows,
  route53In,
  setReaderRoles,
} from './test-fixtures.ts';

const context = {
  functionName: 'sec-an-local-task-execution-dns-ingest',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:sec-an-local-task-execution-dns-ingest',
  memoryLimitInMB: '512',
  awsRequestId: 'request-1',
  getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;

describe('the dns-ingest handler (moto)', () => {
  useCleanBackends();

  it('ingests with the tables of its environment and the role of its SSM parameter, and returns the summary', async () => {
    process.env.POWERTOOLS_PARAMETERS_MAX_AGE = '0';
    const credentials = await credentialsIn('111111111111');
    await setReaderRoles(await createRole(credentials, 'dns-reader'));
    const zone = await createZone(route53In(credentials), 'example.com');
    await changeRecords(route53In(credentials), zone, [
      {
        Action: 'CREATE',
        ResourceRecordSet: {
          Name: 'www.example.com',
          Type: 'A',
          TTL: 60,
          ResourceRecords: [{ Value: '192.0.2.1' }],
        },
      },
      {
        Action: 'CREATE',
        ResourceRecordSet: {
          Name: 'web.example.com',
          Type: 'CNAME',
          TTL: 60,
          ResourceRecords: [{ Value: 'www.example.com' }],
        },
      },
    ]);
    const tables = await createDnsTables('handler');
    process.env[hostsTable.nameVariable] = tables.hosts;
    process.env[addressesTable.nameVariable] = tables.addresses;
    process.env[dnsHistoryTable.nameVariable] = tables.history;
    process.env[dnsIngestsTable.nameVariable] = tables.ingests;

    const result = await handler({}, context);

    expect(result).toMatchObject({ zones: 1, hosts: 2, addresses: 1, historyRows: 3, warnings: 0 });
    expect((await readRows(tables.addresses)).map((row) => [row.address, row.hosts])).toEqual([
      ['192.0.2.1', ['web.example.com', 'www.example.com']],
    ]);
    expect(await readRows(tables.ingests)).toEqual([
      expect.objectContaining({ ingestId: result.ingestId, status: 'complete' }),
    ]);
  }, 60_000);
});
