import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  PutRetentionPolicyCommand,
  ResourceAlreadyExistsException,
  TagResourceCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier } from '../applier.ts';
import type { AwsEnvironment } from '../environment.ts';
import { generatedName } from '../names.ts';

const logs = () => awsClient(CloudWatchLogsClient);

export const logGroupArn = ({ partition, region, accountId }: AwsEnvironment, name: string): string =>
  `arn:${partition}:logs:${region}:${accountId}:log-group:${name}`;

/** A second run finds the group already there; its tags are then put on as Terraform's update would. */
const createOrTag = async (name: string, tags: Record<string, string>, arn: string): Promise<void> => {
  try {
    await logs().send(new CreateLogGroupCommand({ logGroupName: name, tags }));
  } catch (error) {
    if (!(error instanceof ResourceAlreadyExistsException)) throw error;
    if (Object.keys(tags).length > 0) await logs().send(new TagResourceCommand({ resourceArn: arn, tags }));
  }
};

/**
 * `kms_key_id` is left out on purpose: KMS is not applied locally, so the key is a placeholder ARN that moto
 * would try to use; the group is created unencrypted instead.
 */
export const applyCloudwatchLogGroup: Applier = async (config, context) => {
  const name =
    config.optionalString('name') ?? generatedName(context.address, config.optionalString('name_prefix'));
  const tags = context.tagsOf(config);
  const arn = logGroupArn(context.environment, name);
  await createOrTag(name, tags, arn);
  const retention = config.number('retention_in_days', 0);
  if (retention > 0) {
    await logs().send(new PutRetentionPolicyCommand({ logGroupName: name, retentionInDays: retention }));
  }
  return { ...config.values, id: name, name, arn, tags_all: tags };
};
