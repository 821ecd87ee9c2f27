import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { ProvisioningError } from './errors.ts';

/** Where the resources go: the account moto reports and the region every client uses. */
export interface AwsEnvironment {
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
}

export const awsEnvironment = async (): Promise<AwsEnvironment> => {
  const region = process.env.AWS_REGION;
  if (region === undefined || region === '') {
    throw new ProvisioningError('environment', 'AWS_REGION is not set', 'start the local backends first');
  }
  const { Account } = await awsClient(STSClient).send(new GetCallerIdentityCommand({}));
  if (Account === undefined) {
    throw new ProvisioningError('environment', 'STS reported no account', 'check that moto is running');
  }
  return { accountId: Account, region, partition: 'aws' };
};
