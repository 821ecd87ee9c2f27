import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier } from '../applier.ts';
import { MissingParameterError } from '../errors.ts';
import { publishingProjectOf } from '../parameter-reads.ts';

/** The value another stack published, or moto holds already; missing, it names who must come up first. */
export const readSsmParameter: Applier = async (config, context) => {
  const name = config.string('name');
  try {
    const { Parameter } = await awsClient(SSMClient).send(
      new GetParameterCommand({ Name: name, WithDecryption: config.boolean('with_decryption', true) }),
    );
    return {
      id: name,
      name,
      arn: Parameter?.ARN,
      type: Parameter?.Type,
      value: Parameter?.Value,
      insecure_value: Parameter?.Value,
      version: Parameter?.Version,
      with_decryption: config.boolean('with_decryption', true),
    };
  } catch (error) {
    if ((error as Error).name !== 'ParameterNotFound') throw error;
    throw new MissingParameterError(context.address, name, publishingProjectOf(name));
  }
};
