import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { MissingParameterError } from './errors.ts';
import { parameterReads, publishedParameters, publishingProjectOf } from './parameter-reads.ts';
import { qualifiedAddress, type StackDocument } from './stack-document.ts';

const existsInMoto = async (name: string): Promise<boolean> => {
  try {
    await awsClient(SSMClient).send(new GetParameterCommand({ Name: name }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'ParameterNotFound') return false;
    throw error;
  }
};

/**
 * Fails before anything is applied if a stack reads a parameter that no stack publishes and moto does not hold
 * (its project was not brought up), rather than halfway through the bring-up.
 */
export const checkParameterReads = async (documents: readonly StackDocument[]): Promise<void> => {
  const published = new Set(documents.flatMap((document) => [...publishedParameters(document)]));
  for (const document of documents) {
    for (const read of parameterReads(document)) {
      if (published.has(read.parameterName) || (await existsInMoto(read.parameterName))) continue;
      throw new MissingParameterError(
        qualifiedAddress(document, read.address),
        read.parameterName,
        publishingProjectOf(read.parameterName),
      );
    }
  }
};
