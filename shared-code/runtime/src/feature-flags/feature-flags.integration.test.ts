import { setTimeout as sleep } from 'node:timers/promises';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from '@jest/globals';
import { useCleanBackends } from '@sec-an/testing/backends';
import { z } from 'zod';
import { awsClient } from '../aws-clients/index.ts';
import { ConfigurationError } from '../errors/index.ts';
import { parameterName } from '../parameters/index.ts';
import { defineFeatureFlag } from './index.ts';

const setFlag = (name: string, value: string) =>
  awsClient(SSMClient).send(
    new PutParameterCommand({ Name: name, Value: value, Type: 'String', Overwrite: true }),
  );

const resultsContractVersion = defineFeatureFlag({
  project: 'nmap-scanner',
  name: 'results-contract-version',
  schema: z.union([z.literal(1), z.literal(2)]),
  defaultValue: 1,
});

describe('feature flags in SSM (moto)', () => {
  useCleanBackends();
  const name = () => parameterName(resultsContractVersion.address);

  it('lives under the owning project path', () => {
    expect(name()).toBe('/sec-an/local/nmap-scanner/feature-flag/results-contract-version');
  });

  it('means the default while unset, and switches without a redeploy once set', async () => {
    expect(await resultsContractVersion.value({ maxAgeSeconds: 1 })).toBe(1);
    await setFlag(name(), '2');
    await sleep(1_100);
    expect(await resultsContractVersion.value({ maxAgeSeconds: 1 })).toBe(2);
  });

  it('fails loudly on a value its schema refuses', async () => {
    await setFlag(name(), '3');
    await sleep(1_100);
    await expect(resultsContractVersion.value({ maxAgeSeconds: 1 })).rejects.toThrow(ConfigurationError);
    await setFlag(name(), 'two');
    await sleep(1_100);
    await expect(resultsContractVersion.value({ maxAgeSeconds: 1 })).rejects.toThrow(/not JSON/);
  });
});
