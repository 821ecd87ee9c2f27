import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { MissingParameterError, parameterName } from '@sec-an/runtime/parameters';
import { useCleanBackends } from '@sec-an/testing/backends';
import { defaultScanProfile, readScanProfile, scanProfileParameter } from './index.ts';

const put = (value: string) =>
  awsClient(SSMClient).send(
    new PutParameterCommand({
      Name: parameterName(scanProfileParameter),
      Value: value,
      Type: 'String',
      Overwrite: true,
    }),
  );

describe('the scan profile in SSM (moto)', () => {
  useCleanBackends();

  it('is missing until the stack publishes it, and the error names the parameter', async () => {
    await expect(readScanProfile({ maxAgeSeconds: 0 })).rejects.toThrow(MissingParameterError);
    await expect(readScanProfile({ maxAgeSeconds: 0 })).rejects.toThrow(
      '/nmap-scanner/scan-profile/definition does not exist',
    );
  });

  it('is read at call time, so a change reaches the next scan', async () => {
    await put('{"ports":"443","timing":5}');
    expect(await readScanProfile({ maxAgeSeconds: 0 })).toEqual({
      ...defaultScanProfile,
      ports: '443',
      timing: 5,
    });
    await put('{"ports":{"top":10}}');
    expect((await readScanProfile({ maxAgeSeconds: 0 })).ports).toEqual({ top: 10 });
  });

  it('refuses an invalid value, naming the parameter and the setting', async () => {
    await put('{"timing":9}');
    await expect(readScanProfile({ maxAgeSeconds: 0 })).rejects.toThrow(
      new RegExp(`scan profile ${parameterName(scanProfileParameter)} is invalid: .*timing`, 's'),
    );
  });
});
