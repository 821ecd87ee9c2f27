/** One Allow statement of an identity policy; sec-an grants never deny. */
export interface PolicyStatement {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  /** IAM condition block, e.g. `{ StringEquals: { 'aws:SourceAccount': '123' } }`. */
  readonly conditions?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

/** Anything a `grant*` method can give permissions to. */
export interface Grantee {
  addToPolicy(statement: PolicyStatement): void;
}

/**
 * Actions that take no resource-level restriction, so `*` is their only resource (IAM service authorization
 * reference). Anything else with `*` is a least-privilege failure.
 */
export const unrestrictableActions: ReadonlySet<string> = new Set([
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeSubnets',
  'ec2:DeleteNetworkInterface',
  'ec2:AssignPrivateIpAddresses',
  'ec2:UnassignPrivateIpAddresses',
  'ecs:DescribeTaskDefinition',
  'route53:ListHostedZones',
  'sts:GetCallerIdentity',
]);

export const validateStatement = (statement: PolicyStatement): string[] => {
  const errors: string[] = [];
  if (statement.actions.length === 0) errors.push('a statement has no actions');
  if (statement.resources.length === 0) errors.push(`${statement.actions.join(',')}: no resources`);
  if (statement.resources.includes('*')) {
    const restrictable = statement.actions.filter((action) => !unrestrictableActions.has(action));
    if (restrictable.length > 0) errors.push(`${restrictable.join(',')} on resource "*"`);
  }
  for (const action of statement.actions) {
    if (action.includes('*')) errors.push(`wildcard action ${action}`);
  }
  return errors;
};

export const policyDocument = (statements: readonly PolicyStatement[]): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: statements.map((statement) => ({
      Effect: 'Allow',
      Action: [...statement.actions],
      Resource: [...statement.resources],
      ...(statement.conditions === undefined ? {} : { Condition: statement.conditions }),
    })),
  });
