import { setTimeout as sleep } from 'node:timers/promises';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from '@jest/globals';
import { useCleanBackends } from '@sec-an/testing/backends';
import { awsClient } from '../aws-clients/index.ts';
import { MissingParameterError, parameterName, readParameter } from './index.ts';

const put = (name: string, value: string) =>
  awsClient(SSMClient).send(
    new PutParameterCommand({ Name: name, Value: value, Type: 'String', Overwrite: true }),
  );

describe('call-time SSM lookups (moto)', () => {
  useCleanBackends();

  it('sees a value changed at runtime after the cache TTL, and not before', async () => {
    const address = { project: 'analytics-platform', thing: 'ingest-queue', attribute: 'url' };
    await put(parameterName(address), 'https://queue/one');
    expect(await readParameter(address, { maxAgeSeconds: 2 })).toBe('https://queue/one');

    await put(parameterName(address), 'https://queue/two');
    expect(await readParameter(address, { maxAgeSeconds: 2 })).toBe('https://queue/one');

    await sleep(2_100);
    expect(await readParameter(address, { maxAgeSeconds: 2 })).toBe('https://queue/two');
  });

  it('names the missing parameter and the project that should publish it', async () => {
    const address = { project: 'nmap-scanner', thing: 'results-topic', attribute: 'arn' };
    const read = readParameter(address);
    await expect(read).rejects.toThrow(MissingParameterError);
    await expect(readParameter(address)).rejects.toThrow(
      `SSM parameter ${parameterName(address)} does not exist; it is published by nmap-scanner`,
    );
  });
});
