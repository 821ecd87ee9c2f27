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
  /** API Gateway ARNs carry no account. */
  readonly accountless?: boolean;
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
  aws_api_gateway_rest_api: {
    service: 'apigateway',
    resource: (_name, id) => `/restapis/${id}`,
    accountless: true,
  },
  aws_cloudwatch_log_group: { service: 'logs', resource: (name) => `log-group:${name}` },
  aws_route53_zone: {
    service: 'route53',
    resource: (_name, id) => `hostedzone/${id}`,
    global: true,
    accountless: true,
  },
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

type IdFormat = (hash: string, region: string) => string;

// Resources whose ids AWS generates, in the shape AWS gives them; the others are known by their name.
const generatedIds: Readonly<Record<string, IdFormat>> = {
  aws_kms_key: (hash) => uuidFrom(hash),
  aws_cognito_user_pool: (hash, region) => `${region}_${hash.slice(0, 9)}`,
  aws_cognito_identity_pool: (hash, region) => `${region}:${uuidFrom(hash)}`,
  aws_cognito_user_pool_client: (hash) => hash.slice(0, 26),
  aws_api_gateway_rest_api: (hash) => hash.slice(0, 10),
  aws_api_gateway_resource: (hash) => hash.slice(0, 6),
  aws_api_gateway_authorizer: (hash) => hash.slice(0, 6),
  aws_api_gateway_request_validator: (hash) => hash.slice(0, 6),
  aws_route53_zone: (hash) => `Z${hash.slice(0, 20).toUpperCase()}`,
};

const idOf = (type: string, name: string, hash: string, environment: AwsEnvironment): string => {
  const prefix = shapes[type]?.idPrefix;
  if (prefix !== undefined) return `${prefix}-${hash.slice(0, 17)}`;
  return generatedIds[type]?.(hash, environment.region) ?? name;
};

/** Attributes other resources commonly read, for the types whose shape is not just an ARN and an id. */
const extraAttributes = (type: string, id: string, hash: string, environment: AwsEnvironment): Attributes => {
  const { partition, region, accountId } = environment;
  if (type === 'aws_api_gateway_rest_api') {
    return {
      execution_arn: `arn:${partition}:execute-api:${region}:${accountId}:${id}`,
      root_resource_id: hash.slice(10, 20),
    };
  }
  return {};
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
  const account = shape.accountless === true ? '' : environment.accountId;
  return {
    ...literalArguments,
    ...extraAttributes(type, id, hash, environment),
    id,
    name,
    arn: `arn:${environment.partition}:${shape.service}:${region}:${account}:${shape.resource(name, id)}`,
  };
};

/**
 * An attribute the placeholder does not define, e.g. a user pool's `endpoint`: a string named after the
 * resource and the path, an ARN below the resource's own for `..._arn`, or a one-element list for the obvious
 * list attributes (`..._ids`, `..._arns`).
 */
export const placeholderAttribute = (
  attributes: Attributes,
  name: string,
  path: readonly (string | number)[],
): unknown => {
  const last = path.at(-1);
  if (typeof last === 'string' && last.endsWith('_arn') && typeof attributes.arn === 'string') {
    return `${attributes.arn}/${path.join('/')}`;
  }
  const value = `${name}-${path.join('-')}`;
  return typeof last === 'string' && /_(ids|arns|names)$/.test(last) ? [value] : value;
};
