import type { KeyValuePair } from '@aws-sdk/client-ecs';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { parseJson } from '@sec-an/contracts/contract';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { ConfigurationError } from '@sec-an/runtime/errors';
import { containerVariables, requestsPrefix } from './task-settings.ts';

/**
 * RunTask refuses overrides over 8192 characters in all; a request up to this size travels in the container's
 * environment, a larger one (an address with hundreds of names) through the results bucket.
 */
export const maxInlineRequestBytes = 6144;

export interface ContainerRequest {
  readonly requestId: string;
  readonly resultsBucket: string;
  /** The request as the launcher received it (a scan-request message). */
  readonly request: unknown;
}

/** Where a request too large for the overrides is put for its container: one object per request id. */
export const stagedRequestKey = (requestId: string): string => `${requestsPrefix}${requestId}.json`;

/**
 * The container's environment for one request: the request itself, or the key it was staged under, its id and
 * the bucket the container writes its raw output to.
 */
export const containerEnvironment = async (
  requestId: string,
  requestJson: string,
  resultsBucket: string,
): Promise<KeyValuePair[]> => {
  const common = [
    { name: containerVariables.requestId, value: requestId },
    { name: containerVariables.resultsBucket, value: resultsBucket },
  ];
  if (Buffer.byteLength(requestJson) <= maxInlineRequestBytes) {
    return [{ name: containerVariables.request, value: requestJson }, ...common];
  }
  const key = stagedRequestKey(requestId);
  await awsClient(S3Client).send(
    new PutObjectCommand({
      Bucket: resultsBucket,
      Key: key,
      Body: requestJson,
      ContentType: 'application/json',
    }),
  );
  return [{ name: containerVariables.requestKey, value: key }, ...common];
};

const required = (environment: NodeJS.ProcessEnv, name: string): string => {
  const value = environment[name];
  if (value === undefined || value === '') {
    throw new ConfigurationError(
      `${name} is not set: the task's launcher gives it to every container it starts`,
    );
  }
  return value;
};

const stagedRequest = async (bucket: string, key: string): Promise<string> => {
  const object = await awsClient(S3Client).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return (await object.Body?.transformToString()) ?? '';
};

/** Inside the container: the request it was started for, wherever the launcher put it. */
export const readContainerRequest = async (
  environment: NodeJS.ProcessEnv = process.env,
): Promise<ContainerRequest> => {
  const requestId = required(environment, containerVariables.requestId);
  const resultsBucket = required(environment, containerVariables.resultsBucket);
  const inline = environment[containerVariables.request];
  const text =
    inline !== undefined && inline !== ''
      ? inline
      : await stagedRequest(resultsBucket, required(environment, containerVariables.requestKey));
  return { requestId, resultsBucket, request: parseJson(text, `scan request ${requestId}`) };
};
