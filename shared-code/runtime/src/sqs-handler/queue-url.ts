import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClient } from '../aws-clients/index.ts';

const parseArn = (arn: string): { readonly account: string; readonly name: string } => {
  const [, , , , account, name] = arn.split(':');
  if (account === undefined || name === undefined) throw new Error(`not a queue ARN: ${arn}`);
  return { account, name };
};

const fetchQueueUrl = async (arn: string): Promise<string> => {
  const { account, name } = parseArn(arn);
  const response = await awsClient(SQSClient).send(
    new GetQueueUrlCommand({ QueueName: name, QueueOwnerAWSAccountId: account }),
  );
  if (response.QueueUrl === undefined) throw new Error(`no URL for queue ${arn}`);
  return response.QueueUrl;
};

const urls = new Map<string, Promise<string>>();

/**
 * A queue's URL from its ARN (what a Lambda record names), asked of SQS rather than built, since the URL's form
 * differs between AWS and a local endpoint. A queue keeps its URL for life, so it is asked once per process.
 */
export const queueUrlOf = (arn: string): Promise<string> => {
  let url = urls.get(arn);
  if (url === undefined) {
    url = fetchQueueUrl(arn);
    urls.set(arn, url);
    url.catch(() => urls.delete(arn));
  }
  return url;
};
