import {
  AddTagsToResourceCommand,
  type ParameterTier,
  type ParameterType,
  PutParameterCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier } from '../applier.ts';
import type { AwsEnvironment } from '../environment.ts';

export const parameterArn = (environment: AwsEnvironment, name: string): string =>
  `arn:${environment.partition}:ssm:${environment.region}:${environment.accountId}:parameter/${name.replace(/^\//, '')}`;

/** Overwrites, as Terraform does on update, so that a second run converges; tags go on afterwards. */
export const applySsmParameter: Applier = async (config, context) => {
  const name = config.string('name');
  const value = config.optionalString('value') ?? config.string('insecure_value');
  const type = config.string('type') as ParameterType;
  const description = config.optionalString('description');
  const tier = config.optionalString('tier') as ParameterTier | undefined;
  const keyId = config.optionalString('key_id');
  const allowedPattern = config.optionalString('allowed_pattern');
  const dataType = config.optionalString('data_type');
  const { Version } = await awsClient(SSMClient).send(
    new PutParameterCommand({
      Name: name,
      Value: value,
      Type: type,
      Overwrite: true,
      ...(description === undefined ? {} : { Description: description }),
      ...(tier === undefined ? {} : { Tier: tier }),
      ...(keyId === undefined ? {} : { KeyId: keyId }),
      ...(allowedPattern === undefined ? {} : { AllowedPattern: allowedPattern }),
      ...(dataType === undefined ? {} : { DataType: dataType }),
    }),
  );
  const tags = context.tagsOf(config);
  if (Object.keys(tags).length > 0) {
    await awsClient(SSMClient).send(
      new AddTagsToResourceCommand({
        ResourceType: 'Parameter',
        ResourceId: name,
        Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
  }
  return {
    ...config.values,
    id: name,
    name,
    arn: parameterArn(context.environment, name),
    value,
    version: Version,
    tags_all: tags,
  };
};
