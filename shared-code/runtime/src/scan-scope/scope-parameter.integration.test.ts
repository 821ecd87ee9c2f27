import { setTimeout as sleep } from 'node:timers/promises';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from '@jest/globals';
import { useCleanBackends } from '@sec-an/testing/backends';
import { awsClient } from '../aws-clients/index.ts';
import { ConfigurationError } from '../errors/index.ts';
import { MissingParameterError, parameterName } from '../parameters/index.ts';
import { emptyScanScopeDefinition, readScanScope, scanScopeParameter, scopeVerdict } from './index.ts';

const putScope = (value: unknown) =>
  awsClient(SSMClient).send(
    new PutParameterCommand({
      Name: parameterName(scanScopeParameter),
      Value: typeof value === 'string' ? value : JSON.stringify(value),
      Type: 'String',
      Overwrite: true,
    }),
  );

const target = { address: '198.51.100.7', hosts: ['www.example.com'] };

// Waits out the parameter cache between changes; a busy machine can stretch a test past jest's default 5 s.
describe('the scan scope read from SSM at call time (moto)', () => {
  useCleanBackends();

  it('lives under task-execution', () => {
    expect(parameterName(scanScopeParameter)).toBe('/sec-an/local/task-execution/scan-scope/definition');
  }, 30_000);

  it('is a missing-parameter error until the stack creates it: nothing is in scope by default', async () => {
    await expect(readScanScope()).rejects.toThrow(MissingParameterError);
  }, 30_000);

  it('follows the operator: empty, then an allow-list, then a deny, each seen after the cache TTL', async () => {
    await putScope(emptyScanScopeDefinition);
    expect(scopeVerdict(await readScanScope({ maxAgeSeconds: 1 }), target).inScope).toBe(false);

    await putScope({ allow: { cidrs: [], suffixes: ['example.com'] } });
    await sleep(1_100);
    expect(scopeVerdict(await readScanScope({ maxAgeSeconds: 1 }), target)).toEqual({
      inScope: true,
      reason: 'host www.example.com is under allow suffix example.com',
    });

    await putScope({ allow: { suffixes: ['example.com'] }, deny: { cidrs: ['198.51.100.0/24'] } });
    await sleep(1_100);
    expect(scopeVerdict(await readScanScope({ maxAgeSeconds: 1 }), target).reason).toBe(
      'address is in deny CIDR 198.51.100.0/24',
    );
  }, 30_000);

  it('fails loudly on a malformed definition, naming the parameter and the entry', async () => {
    await putScope({ allow: { cidrs: ['10.0.0.1/8'] } });
    await sleep(1_100);
    const read = readScanScope({ maxAgeSeconds: 1 });
    await expect(read).rejects.toThrow(ConfigurationError);
    await expect(read).rejects.toThrow(
      'scan scope /sec-an/local/task-execution/scan-scope/definition: allow.cidrs[0] "10.0.0.1/8" has host bits set',
    );
  }, 30_000);
});
