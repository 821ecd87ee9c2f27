import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { type ParameterAddress, parameterName } from '@sec-an/runtime/parameters';
import { scanScopeParameter } from '@sec-an/runtime/scan-scope';
import { useCleanBackends } from '@sec-an/testing/backends';
import { exitCodes, rawScanMetadataSchema } from '../nmap-run/index.ts';
import { scanProfileParameter } from '../scan-profile/index.ts';

const mainModule = fileURLToPath(new URL('./main.ts', import.meta.url));
const bucket = 'nmap-entrypoint-test-raw';

const putParameter = (address: Omit<ParameterAddress, 'app' | 'stage'>, value: string) =>
  awsClient(SSMClient).send(
    new PutParameterCommand({ Name: parameterName(address), Value: value, Type: 'String', Overwrite: true }),
  );

const requestFor = (requestId: string, address: string) =>
  JSON.stringify({
    contract: 'scan-request',
    version: 1,
    requestId,
    target: { address, hosts: ['svc.example.com'] },
    origin: 'on-demand',
    requestedAt: new Date().toISOString(),
  });

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The container's command as the local platform runs it: the entrypoint as a process, its request in its environment. */
const runContainer = (variables: Record<string, string | undefined>): Promise<Run> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [mainModule], {
      env: { ...process.env, ...variables },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });

const containerVariables = (requestId: string, request: string) => ({
  SEC_AN_SCAN_REQUEST: request,
  SEC_AN_SCAN_REQUEST_ID: requestId,
  SEC_AN_RESULTS_BUCKET: bucket,
});

const keysUnder = async (prefix: string): Promise<string[]> => {
  const { Contents = [] } = await awsClient(S3Client).send(
    new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }),
  );
  return Contents.map(({ Key }) => Key ?? '').sort();
};

const banner: Server = createServer((socket) => {
  socket.on('error', () => undefined);
  socket.end('hello from the estate\r\n');
});
let port = 0;

describe('the nmap container entrypoint (real nmap, moto)', () => {
  useCleanBackends();

  beforeAll(async () => {
    port = await new Promise((resolve) =>
      banner.listen(0, '127.0.0.1', () => resolve((banner.address() as { port: number }).port)),
    );
    await awsClient(S3Client).send(new CreateBucketCommand({ Bucket: bucket }));
    await putParameter(
      scanScopeParameter,
      JSON.stringify({ allow: { cidrs: ['127.0.0.0/8'], suffixes: [] }, deny: { cidrs: [], suffixes: [] } }),
    );
    await putParameter(
      scanProfileParameter,
      JSON.stringify({
        ports: String(port),
        timing: 5,
        versionDetection: false,
        scripts: [],
        reverseDns: false,
      }),
    );
  });

  afterAll(async () => {
    await new Promise((resolve) => banner.close(resolve));
  });

  it('scans the request of its environment and stores the gzipped XML and its metadata under raw/, exiting 0', async () => {
    const requestId = randomUUID();
    const run = await runContainer(containerVariables(requestId, requestFor(requestId, '127.0.0.1')));

    expect(run).toMatchObject({ code: exitCodes.complete });
    const keys = await keysUnder('raw/');
    expect(keys).toEqual([
      expect.stringMatching(new RegExp(`^raw/\\d{4}/\\d{2}/\\d{2}/${requestId}/metadata\\.json$`)),
      expect.stringMatching(new RegExp(`^raw/\\d{4}/\\d{2}/\\d{2}/${requestId}/nmap\\.xml\\.gz$`)),
    ]);
    const get = (Key: string) => awsClient(S3Client).send(new GetObjectCommand({ Bucket: bucket, Key }));
    const xml = await get(keys[1] ?? '');
    expect(xml.Metadata).toMatchObject({ 'request-id': requestId });
    const text = gunzipSync(await (xml.Body?.transformToByteArray() ?? new Uint8Array())).toString();
    expect(text).toContain(`<port protocol="tcp" portid="${port}"><state state="open"`);
    const metadata = rawScanMetadataSchema.parse(
      JSON.parse((await (await get(keys[0] ?? '')).Body?.transformToString()) ?? ''),
    );
    expect(metadata).toMatchObject({
      requestId,
      completion: 'complete',
      targets: [{ address: '127.0.0.1', addressType: 'ipv4', hosts: ['svc.example.com'] }],
    });
    expect(JSON.parse(run.stdout)).toMatchObject({ exitCode: 0, bucket, xmlKey: keys[1] });
  }, 60_000);

  it.each([
    ['a request that is not JSON', 'scan 127.0.0.1 now', exitCodes.requestInvalid, 'is not JSON'],
    [
      'a target with an option smuggled in',
      requestFor('REQUEST', '-oN /tmp/x'),
      exitCodes.requestInvalid,
      'ContractViolationError',
    ],
    [
      'an address out of scope',
      requestFor('REQUEST', '192.0.2.10'),
      exitCodes.targetRejected,
      'out-of-scope',
    ],
  ])(
    'refuses %s with its exit code, stores nothing and never starts nmap',
    async (_, body, code, says) => {
      const requestId = randomUUID();
      const run = await runContainer({
        ...containerVariables(requestId, body.replace('REQUEST', requestId)),
        SEC_AN_NMAP_PATH: '/nonexistent/nmap',
      });

      expect(run.code).toBe(code);
      expect(run.stderr).toContain(says);
      expect(await keysUnder(`raw/`)).not.toEqual(
        expect.arrayContaining([expect.stringContaining(requestId)]),
      );
    },
    30_000,
  );

  it('refuses a body naming another request than the one it was started for', async () => {
    const requestId = randomUUID();
    const run = await runContainer(containerVariables(requestId, requestFor(randomUUID(), '127.0.0.1')));

    expect(run.code).toBe(exitCodes.requestInvalid);
    expect(run.stderr).toContain(`started for request ${requestId}`);
  }, 30_000);

  it('says nmap is missing, and stores nothing', async () => {
    const requestId = randomUUID();
    const run = await runContainer({
      ...containerVariables(requestId, requestFor(requestId, '127.0.0.1')),
      SEC_AN_NMAP_PATH: '/nonexistent/nmap',
    });

    expect(run.code).toBe(exitCodes.nmapMissing);
    expect(await keysUnder(`raw/`)).not.toEqual(expect.arrayContaining([expect.stringContaining(requestId)]));
  }, 30_000);

  it('exits with the configuration code when its variables are missing', async () => {
    const run = await runContainer({ SEC_AN_SCAN_REQUEST_ID: randomUUID(), SEC_AN_RESULTS_BUCKET: '' });

    expect(run.code).toBe(exitCodes.configuration);
    expect(run.stderr).toContain('SEC_AN_RESULTS_BUCKET is not set');
  }, 30_000);

  it('exits with the storage code when the bucket does not exist, after nmap ran', async () => {
    const requestId = randomUUID();
    const run = await runContainer({
      ...containerVariables(requestId, requestFor(requestId, '127.0.0.1')),
      SEC_AN_RESULTS_BUCKET: 'nmap-entrypoint-test-missing',
    });

    expect(run.code).toBe(exitCodes.storageFailed);
    expect(run.stderr).toContain('could not store s3://nmap-entrypoint-test-missing/raw/');
  }, 60_000);
});
