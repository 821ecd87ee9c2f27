import { createHash } from 'node:crypto';
import type { Attributes } from './applier.ts';
import type { AwsEnvironment } from './environment.ts';

/**
 * Stand-in attributes of a resource the local platform does not create (IAM, VPC, KMS, ...), so that what
 * refers to it still applies: a role's ARN in a function, a key's ARN in a queue. They are derived from the
 * resource's address and name only, so they are the same on every run.
 */

interface ArnShape {
  readonly service: string;
  /** The resource part of the ARN, from the resource's name and id. */
  readonly resource: (name: string, id: string) => string;
  /** IAM and S3 ARNs carry no region. */
  readonly global?: boolean;
  /** EC2-style ids: `vpc-0123...`. */
  readonly idPrefix?: string;
}

const ec2 = (kind: string, idPrefix: string): ArnShape => ({
  service: 'ec2',
  resource: (_name, id) => `${kind}/${id}`,
  idPrefix,
});

const shapes: Readonly<Record<string, ArnShape>> = {
  aws_iam_role: { service: 'iam', resource: (name) => `role/${name}`, global: true },
  aws_iam_policy: { service: 'iam', resource: (name) => `policy/${name}`, global: true },
  aws_iam_user: { service: 'iam', resource: (name) => `user/${name}`, global: true },
  aws_iam_instance_profile: { service: 'iam', resource: (name) => `instance-profile/${name}`, global: true },
  aws_kms_key: { service: 'kms', resource: (_name, id) => `key/${id}` },
  aws_kms_alias: { service: 'kms', resource: (name) => name },
  aws_cognito_user_pool: { service: 'cognito-idp', resource: (_name, id) => `userpool/${id}` },
  aws_cognito_identity_pool: { service: 'cognito-identity', resource: (_name, id) => `identitypool/${id}` },
  aws_lambda_function: { service: 'lambda', resource: (name) => `function:${name}` },
  aws_opensearch_domain: { service: 'es', resource: (name) => `domain/${name}` },
  aws_vpc: ec2('vpc', 'vpc'),
  aws_subnet: ec2('subnet', 'subnet'),
  aws_security_group: ec2('security-group', 'sg'),
  aws_internet_gateway: ec2('internet-gateway', 'igw'),
  aws_nat_gateway: ec2('natgateway', 'nat'),
  aws_route_table: ec2('route-table', 'rtb'),
  aws_eip: ec2('elastic-ip', 'eipalloc'),
  aws_vpc_endpoint: ec2('vpc-endpoint', 'vpce'),
  aws_network_acl: ec2('network-acl', 'acl'),
};

const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A UUID-shaped id, as KMS keys have. */
const uuidFrom = (hash: string): string =>
  [hash.slice(0, 8), hash.slice(8, 12), hash.slice(12, 16), hash.slice(16, 20), hash.slice(20, 32)].join('-');

const idOf = (type: string, name: string, hash: string, environment: AwsEnvironment): string => {
  const prefix = shapes[type]?.idPrefix;
  if (prefix !== undefined) return `${prefix}-${hash.slice(0, 17)}`;
  if (type === 'aws_kms_key') return uuidFrom(hash);
  if (type.startsWith('aws_cognito_')) return `${environment.region}_${hash.slice(0, 9)}`;
  return name;
};

const genericShape = (type: string): ArnShape => {
  const [, service = type, ...kind] = type.split('_');
  return { service, resource: (name) => `${kind.join('-') || service}/${name}` };
};

/** `qualifiedAddress` makes the values unique across stacks; `name` is the resource's own name if it has one. */
export const placeholderAttributes = (
  type: string,
  qualifiedAddress: string,
  name: string,
  literalArguments: Attributes,
  environment: AwsEnvironment,
): Attributes => {
  const hash = hashOf(qualifiedAddress);
  const id = idOf(type, name, hash, environment);
  const shape = shapes[type] ?? genericShape(type);
  const region = shape.global === true ? '' : environment.region;
  return {
    ...literalArguments,
    id,
    name,
    arn: `arn:${environment.partition}:${shape.service}:${region}:${environment.accountId}:${shape.resource(name, id)}`,
  };
};

/**
 * An attribute the placeholder does not define, e.g. a user pool's `endpoint`: a string named after the
 * resource and the path, or a one-element list for the obvious list attributes (`..._ids`, `..._arns`).
 */
export const placeholderAttribute = (name: string, path: readonly (string | number)[]): unknown => {
  const value = `${name}-${path.join('-')}`;
  const last = path.at(-1);
  return typeof last === 'string' && /_(ids|arns|names)$/.test(last) ? [value] : value;
};
