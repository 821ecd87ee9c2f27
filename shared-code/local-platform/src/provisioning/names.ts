import { createHash } from 'node:crypto';

/**
 * The name Terraform would generate for a resource without one (`name_prefix` or nothing): derived from the
 * resource's address instead of random, so that a second run finds the same resource.
 */
export const generatedName = (qualifiedAddress: string, prefix = 'terraform-'): string =>
  `${prefix}${createHash('sha256').update(qualifiedAddress).digest('hex').slice(0, 26)}`;

/** The function name in `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`, or the name itself. */
export const functionNameOf = (nameOrArn: string): string => {
  const match = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(nameOrArn);
  return match?.[1] ?? nameOrArn;
};

export const functionArnOf = (
  environment: { readonly partition: string; readonly region: string; readonly accountId: string },
  functionName: string,
): string =>
  `arn:${environment.partition}:lambda:${environment.region}:${environment.accountId}:function:${functionName}`;

/** The queue name and account of `arn:aws:sqs:<region>:<account>:<name>`, if it is one. */
export const queueOfArn = (
  arn: string,
): { readonly name: string; readonly accountId: string } | undefined => {
  const match = /^arn:[^:]+:sqs:[^:]*:([^:]*):([^:]+)$/.exec(arn);
  return match?.[1] === undefined || match[2] === undefined
    ? undefined
    : { accountId: match[1], name: match[2] };
};
