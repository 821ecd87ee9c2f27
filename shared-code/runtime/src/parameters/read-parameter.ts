import { GetParameterError } from '@aws-lambda-powertools/parameters';
import { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';
import { SSMClient } from '@aws-sdk/client-ssm';
import { awsClient } from '../aws-clients/index.ts';
import { ConfigurationError } from '../errors/index.ts';
import { type ParameterAddress, parameterName } from './parameter-name.ts';

/** A parameter that a consumer needs and nobody has published (yet). */
export class MissingParameterError extends ConfigurationError {
  readonly parameter: string;

  constructor(parameter: string, publisher: string) {
    super(
      `SSM parameter ${parameter} does not exist; it is published by ${publisher}: deploy it (or its stage) first`,
    );
    this.parameter = parameter;
  }
}

export interface ReadOptions {
  /**
   * Seconds a value is reused before SSM is asked again. Default: POWERTOOLS_PARAMETERS_MAX_AGE, else 5 s: short
   * enough that a producer can move a resource without redeploying its consumers.
   */
  readonly maxAgeSeconds?: number;
}

let provider: SSMProvider | undefined;

const ssmProvider = (): SSMProvider => {
  provider ??= new SSMProvider({ awsSdkV3Client: awsClient(SSMClient) });
  return provider;
};

const isNotFound = (error: unknown): boolean =>
  error instanceof GetParameterError &&
  (error.cause as { name?: string } | undefined)?.name === 'ParameterNotFound';

const fetchValue = async (name: string, options: ReadOptions): Promise<string | undefined> => {
  try {
    return await ssmProvider().get(name, {
      decrypt: true,
      ...(options.maxAgeSeconds === undefined ? {} : { maxAge: options.maxAgeSeconds }),
    });
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
};

/** Reads a published value at call time, through a short cache. A missing parameter is a clear error. */
export const readParameter = async (
  address: ParameterAddress,
  options: ReadOptions = {},
): Promise<string> => {
  const name = parameterName(address);
  const value = await fetchValue(name, options);
  if (value === undefined) throw new MissingParameterError(name, address.project);
  return value;
};

/** Like readParameter, for values that may legitimately be absent (feature flags fall back to a default). */
export const readOptionalParameter = async (
  address: ParameterAddress,
  options: ReadOptions = {},
): Promise<string | undefined> => fetchValue(parameterName(address), options);
