import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier } from '../applier.ts';

export const readCallerIdentity: Applier = async () => {
  const { Account, Arn, UserId } = await awsClient(STSClient).send(new GetCallerIdentityCommand({}));
  return { id: Account, account_id: Account, arn: Arn, user_id: UserId };
};
