import {
  type AttributeValue,
  CreateTableCommand,
  DynamoDBClient,
  type ScalarAttributeType,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  type Change,
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { DeleteParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { parameterName } from '@sec-an/runtime/parameters';
import {
  addressesTable,
  dnsHistoryTable,
  dnsIngestsTable,
  hostsTable,
  type TableModel,
} from '../tables/index.ts';
import type { DnsTables } from './dns-ingest-settings.ts';
import { dnsReaderRoleParameter } from './dns-reader-role.ts';
import type { OutsideResolver } from './outside-resolver.ts';

/** Key attributes that are numbers (times); every other key is a string. */
const numericKeys = new Set(['ingestedAt']);

const keyType = (name: string): ScalarAttributeType => (numericKeys.has(name) ? 'N' : 'S');

const createTable = async (table: TableModel, name: string): Promise<void> => {
  const keys = [table.hashKey, ...(table.rangeKey === undefined ? [] : [table.rangeKey])];
  await awsClient(DynamoDBClient).send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keys.map((key) => ({ AttributeName: key, AttributeType: keyType(key) })),
      KeySchema: keys.map((key, index) => ({ AttributeName: key, KeyType: index === 0 ? 'HASH' : 'RANGE' })),
    }),
  );
};

/** The ingest's four tables, keyed as the table model says, named after `prefix`. */
export const createDnsTables = async (prefix: string): Promise<DnsTables> => {
  const tables: DnsTables = {
    hosts: `${prefix}-${hostsTable.name}`,
    addresses: `${prefix}-${addressesTable.name}`,
    history: `${prefix}-${dnsHistoryTable.name}`,
    ingests: `${prefix}-${dnsIngestsTable.name}`,
  };
  await createTable(hostsTable, tables.hosts);
  await createTable(addressesTable, tables.addresses);
  await createTable(dnsHistoryTable, tables.history);
  await createTable(dnsIngestsTable, tables.ingests);
  return tables;
};

/** A table's rows as plain values: strings, numbers, booleans, sorted string sets, lists of strings. */
export type Row = Record<string, string | number | boolean | string[]>;

const plain = (value: AttributeValue): string | number | boolean | string[] => {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.SS !== undefined) return [...value.SS].sort();
  if (value.L !== undefined) return value.L.map((item) => item.S ?? '');
  throw new Error(`unexpected attribute value ${JSON.stringify(value)}`);
};

export const readRows = async (table: string): Promise<Row[]> => {
  const rows: Row[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await awsClient(DynamoDBClient).send(
      new ScanCommand({ TableName: table, ...(start === undefined ? {} : { ExclusiveStartKey: start }) }),
    );
    for (const item of page.Items ?? []) {
      rows.push(Object.fromEntries(Object.entries(item).map(([name, value]) => [name, plain(value)])));
    }
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return rows;
};

/** Rows by their key attribute. */
export const rowsBy = async (table: string, key: string): Promise<Record<string, Row>> =>
  Object.fromEntries((await readRows(table)).map((row) => [String(row[key]), row]));

export interface AccountCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
}

/** Credentials in another account: moto gives them to any role ARN of that account. */
export const credentialsIn = async (accountId: string): Promise<AccountCredentials> => {
  const { Credentials } = await awsClient(STSClient).send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/test-setup`,
      RoleSessionName: 'test-setup',
    }),
  );
  return {
    accessKeyId: Credentials?.AccessKeyId ?? '',
    secretAccessKey: Credentials?.SecretAccessKey ?? '',
    sessionToken: Credentials?.SessionToken ?? '',
  };
};

/** Creates an IAM role in the account of `credentials` (moto finds the account from them). */
export const createRole = async (credentials: AccountCredentials, roleName: string): Promise<string> => {
  const trust = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' },
    ],
  };
  const { Role } = await new IAMClient({ credentials }).send(
    new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: JSON.stringify(trust) }),
  );
  if (Role?.Arn === undefined) throw new Error(`CreateRole ${roleName} returned no ARN`);
  return Role.Arn;
};

/** A Route53 client acting in the account of `credentials` (the default account without). */
export const route53In = (credentials?: AccountCredentials): Route53Client =>
  new Route53Client(credentials === undefined ? {} : { credentials });

export const createZone = async (
  route53: Route53Client,
  name: string,
  privateVpc?: string,
): Promise<string> => {
  const { HostedZone } = await route53.send(
    new CreateHostedZoneCommand({
      Name: name,
      CallerReference: `${name}-${Date.now()}-${Math.random()}`,
      ...(privateVpc === undefined
        ? {}
        : { VPC: { VPCId: privateVpc, VPCRegion: 'us-east-1' }, HostedZoneConfig: { PrivateZone: true } }),
    }),
  );
  return (HostedZone?.Id ?? '').replace('/hostedzone/', '');
};

export const changeRecords = (route53: Route53Client, zoneId: string, changes: Change[]) =>
  route53.send(
    new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Changes: changes } }),
  );

export const setReaderRoles = async (value: string | undefined): Promise<void> => {
  const name = parameterName(dnsReaderRoleParameter);
  if (value === undefined) {
    await awsClient(SSMClient)
      .send(new DeleteParameterCommand({ Name: name }))
      .catch(() => undefined);
  } else {
    await awsClient(SSMClient).send(
      new PutParameterCommand({ Name: name, Value: value, Type: 'String', Overwrite: true }),
    );
  }
};

/**
 * The documented injection point for names outside the ingested zones, answering from a table: a name it does
 * not hold is NXDOMAIN (ENOTFOUND), a family it lacks ENODATA. It records what it was asked.
 */
export const tableResolver = (answers: Record<string, { ipv4?: string[]; ipv6?: string[] }>) => {
  const asked: string[] = [];
  const lookup = (family: 'ipv4' | 'ipv6') => async (name: string) => {
    asked.push(`${family} ${name}`);
    const entry = answers[name];
    if (entry === undefined) throw Object.assign(new Error(`query ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    const values = entry[family];
    if (values === undefined) throw Object.assign(new Error(`query ENODATA ${name}`), { code: 'ENODATA' });
    return values;
  };
  const resolver: OutsideResolver = { resolve4: lookup('ipv4'), resolve6: lookup('ipv6') };
  return { resolver, asked, answers };
};

/** Retries that do not wait: for tests where throttling is injected. */
export const instantRetry = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} };
