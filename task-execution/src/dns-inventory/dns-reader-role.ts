import { Route53Client } from '@aws-sdk/client-route-53';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { awsClient } from '@sec-an/runtime/aws-clients';
import {
  currentApp,
  currentStage,
  type ParameterAddress,
  parameterName,
  readOptionalParameter,
} from '@sec-an/runtime/parameters';
import { DnsReaderRoleError, DnsReaderRoleParameterError } from './errors.ts';
import { type Route53Source, route53Api } from './route53-api.ts';

/**
 * The read-only role(s) the ingest assumes to read Route53, usually in the account that holds the DNS: one role
 * ARN, or several separated by commas (an estate spread over accounts). Absent or empty: the function's own
 * credentials, as on the local platform.
 */
export const dnsReaderRoleParameter = {
  project: 'task-execution',
  thing: 'dns-reader',
  attribute: 'role-arn',
} as const satisfies ParameterAddress;

/** The label of the source read with the function's own credentials. */
export const ownCredentials = 'own credentials';

const roleArnPattern = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** The role ARNs a parameter value names; each checked, so that a typo is named rather than sent to STS. */
export const parseRoleArns = (value: string | undefined, parameter: string): string[] => {
  const arns = (value ?? '')
    .split(',')
    .map((arn) => arn.trim())
    .filter((arn) => arn !== '');
  for (const arn of arns) {
    if (!roleArnPattern.test(arn)) {
      throw new DnsReaderRoleParameterError(
        `${parameter} holds "${arn}", which is not an IAM role ARN (arn:aws:iam::<account id>:role/<name>)`,
      );
    }
  }
  return arns;
};

/** Which stage read the zones shows in the DNS account's CloudTrail. */
const sessionName = (): string => `${currentApp()}-${currentStage()}-dns-ingest`.slice(0, 64);

/**
 * Route53 clients make one attempt per call: throttling is retried by the ingest's own bounded policy, and any
 * other error fails the ingest (a scheduled run that fails is run again; a wrong answer is not).
 */
interface TemporaryCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

const route53Client = (credentials?: TemporaryCredentials): Route53Client =>
  new Route53Client({ maxAttempts: 1, ...(credentials === undefined ? {} : { credentials }) });

const assumedSource = async (roleArn: string, parameter: string, sts: STSClient): Promise<Route53Source> => {
  try {
    const { Credentials: credentials } = await sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: sessionName() }),
    );
    if (credentials?.AccessKeyId === undefined || credentials.SecretAccessKey === undefined) {
      throw new Error('AssumeRole returned no credentials');
    }
    // The session lasts an hour by default, longer than a function may run.
    const client = route53Client({
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretAccessKey,
      ...(credentials.SessionToken === undefined ? {} : { sessionToken: credentials.SessionToken }),
    });
    return { label: `role ${roleArn}`, api: route53Api(client) };
  } catch (error) {
    throw new DnsReaderRoleError(roleArn, parameter, error);
  }
};

/** The sources an ingest reads: each configured role assumed, or the function's own credentials. */
export const route53Sources = async (sts: STSClient = awsClient(STSClient)): Promise<Route53Source[]> => {
  const parameter = parameterName(dnsReaderRoleParameter);
  const arns = parseRoleArns(await readOptionalParameter(dnsReaderRoleParameter), parameter);
  if (arns.length === 0) return [{ label: ownCredentials, api: route53Api(route53Client()) }];
  return Promise.all(arns.map((arn) => assumedSource(arn, parameter, sts)));
};
