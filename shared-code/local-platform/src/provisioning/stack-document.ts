import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidConfigurationError } from './errors.ts';

/** One synthesized stack, as the synth step hands it over, in the deploy order of projects. */
export interface SynthesizedStack {
  readonly project: string;
  readonly stack: string;
  /** The folder holding `cdk.tf.json`; asset paths in it are relative to it. */
  readonly directory: string;
}

/** A resource or data source of a stack. */
export interface TerraformBlock {
  /** Terraform's address within the stack: `aws_sqs_queue.q` or `data.aws_ssm_parameter.p`. */
  readonly address: string;
  readonly mode: 'resource' | 'data';
  readonly type: string;
  readonly name: string;
  /** Arguments as synthesized, without cdktf's `//` metadata and Terraform's meta-arguments. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Addresses from `depends_on`. */
  readonly dependsOn: readonly string[];
  /** `count` or `for_each`: one block stands for several resources. */
  readonly repeated: boolean;
}

/** Where Terraform keeps the stack's state; cdktf's cross-stack references read it back by these settings. */
export interface StateBackendSettings {
  readonly type: string;
  readonly config: Readonly<Record<string, unknown>>;
}

export interface StackDocument extends SynthesizedStack {
  readonly blocks: readonly TerraformBlock[];
  /** Output values by name, as synthesized (cdktf writes one per cross-stack reference). */
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly backend?: StateBackendSettings;
  /** The default AWS provider's `default_tags`, which Terraform merges into every resource's tags. */
  readonly defaultTags: Readonly<Record<string, string>>;
}

type JsonObject = Record<string, unknown>;

// Meta-arguments Terraform reads itself; none of them is an argument of the resource.
const metaArguments = new Set([
  '//',
  'depends_on',
  'lifecycle',
  'provider',
  'count',
  'for_each',
  'provisioner',
]);

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `<project>/<stack>/<terraform address>`: unique across every stack being provisioned. */
export const qualifiedAddress = (stack: SynthesizedStack, address: string): string =>
  `${stack.project}/${stack.stack}/${address}`;

const dependsOnOf = (stack: SynthesizedStack, address: string, body: JsonObject): string[] => {
  const dependsOn = body.depends_on ?? [];
  if (!Array.isArray(dependsOn) || dependsOn.some((entry) => typeof entry !== 'string')) {
    throw new InvalidConfigurationError(
      qualifiedAddress(stack, address),
      'depends_on is not a list of addresses',
    );
  }
  return dependsOn as string[];
};

const blockOf = (
  stack: SynthesizedStack,
  mode: TerraformBlock['mode'],
  type: string,
  name: string,
  body: JsonObject,
): TerraformBlock => {
  const address = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
  return {
    address,
    mode,
    type,
    name,
    config: Object.fromEntries(Object.entries(body).filter(([key]) => !metaArguments.has(key))),
    dependsOn: dependsOnOf(stack, address, body),
    repeated: body.count !== undefined || body.for_each !== undefined,
  };
};

const blocksOf = (
  stack: SynthesizedStack,
  mode: TerraformBlock['mode'],
  section: unknown,
): TerraformBlock[] =>
  Object.entries(isObject(section) ? section : {}).flatMap(([type, byName]) =>
    Object.entries(isObject(byName) ? byName : {}).map(([name, body]) =>
      blockOf(stack, mode, type, name, isObject(body) ? body : {}),
    ),
  );

/** The provider without an alias is the one resources use unless they name another. */
const defaultTagsOf = (provider: unknown): Record<string, string> => {
  const configurations = isObject(provider) ? provider.aws : undefined;
  const all = Array.isArray(configurations) ? configurations : [configurations];
  const primary = all.find((configuration) => isObject(configuration) && configuration.alias === undefined);
  const defaultTags = isObject(primary) ? primary.default_tags : undefined;
  const first = Array.isArray(defaultTags) ? defaultTags[0] : defaultTags;
  const tags = isObject(first) ? first.tags : undefined;
  return isObject(tags) ? (tags as Record<string, string>) : {};
};

const outputsOf = (section: unknown): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(isObject(section) ? section : {}).map(([name, output]) => [
      name,
      isObject(output) ? output.value : undefined,
    ]),
  );

const backendOf = (terraform: unknown): StateBackendSettings | undefined => {
  const backends = isObject(terraform) ? terraform.backend : undefined;
  const [entry] = Object.entries(isObject(backends) ? backends : {});
  return entry === undefined ? undefined : { type: entry[0], config: isObject(entry[1]) ? entry[1] : {} };
};

export const parseStackDocument = (stack: SynthesizedStack, json: unknown): StackDocument => {
  if (!isObject(json)) {
    throw new InvalidConfigurationError(qualifiedAddress(stack, 'cdk.tf.json'), 'is not a JSON object');
  }
  const backend = backendOf(json.terraform);
  return {
    ...stack,
    blocks: [...blocksOf(stack, 'resource', json.resource), ...blocksOf(stack, 'data', json.data)],
    outputs: outputsOf(json.output),
    ...(backend === undefined ? {} : { backend }),
    defaultTags: defaultTagsOf(json.provider),
  };
};

export const stackDocumentFile = (stack: SynthesizedStack): string => join(stack.directory, 'cdk.tf.json');

export const readStackDocument = async (stack: SynthesizedStack): Promise<StackDocument> => {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(stackDocumentFile(stack), 'utf8'));
  } catch (error) {
    throw new InvalidConfigurationError(
      qualifiedAddress(stack, 'cdk.tf.json'),
      `cannot be read (${(error as Error).message}); synthesize the project first`,
    );
  }
  return parseStackDocument(stack, json);
};
