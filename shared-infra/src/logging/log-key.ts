import type { Construct } from '@sec-an/constructs/cdktf';
import { referenceParameter } from '@sec-an/constructs/parameters';

/** The customer managed key that encrypts the app's logs; the keys stack publishes it. */
export const logKeyParameter = { project: 'shared-infra', thing: 'log-key', attribute: 'arn' } as const;

/** The log key's ARN, read at deploy time: log groups and log buckets must name their key to Terraform. */
export const logKeyArn = (scope: Construct): string => referenceParameter(scope, logKeyParameter).value;
