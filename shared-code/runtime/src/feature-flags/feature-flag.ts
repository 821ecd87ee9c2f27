import { z } from 'zod';
import { ConfigurationError } from '../errors/index.ts';
import { type ReadOptions, readOptionalParameter } from '../parameters/index.ts';

export interface FeatureFlagDefinition<T> {
  /** The project that owns the flag; it lives under that project's SSM path. */
  readonly project: string;
  readonly name: string;
  /** The value's schema; the parameter holds the value as JSON (`true`, `"v2"`, `{"percent":10}`). */
  readonly schema: z.ZodType<T>;
  /** What the service does while nobody has set the flag: the behaviour that is deployed today. */
  readonly defaultValue: T;
}

export interface FeatureFlag<T> extends FeatureFlagDefinition<T> {
  /** `/{app}/{stage}/{project}/feature-flag/{name}` */
  readonly address: { readonly project: string; readonly thing: 'feature-flag'; readonly attribute: string };
  /** The flag's value now (through the short parameter cache). */
  value(options?: ReadOptions): Promise<T>;
}

const parseFlag = <T>(flag: FeatureFlagDefinition<T>, raw: string, parameter: string): T => {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigurationError(`feature flag ${parameter} holds "${raw}", which is not JSON`);
  }
  const parsed = flag.schema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigurationError(`feature flag ${parameter} holds ${raw}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
};

/**
 * A setting read from SSM at call time, so a service changes behaviour without a redeploy, and a breaking
 * change (say, a new contract version) can ship dark and be switched on once every consumer accepts it. A
 * malformed value fails loudly rather than silently meaning the default.
 */
export const defineFeatureFlag = <T>(definition: FeatureFlagDefinition<T>): FeatureFlag<T> => {
  const address = { project: definition.project, thing: 'feature-flag', attribute: definition.name } as const;
  return {
    ...definition,
    address,
    value: async (options) => {
      const raw = await readOptionalParameter(address, options);
      return raw === undefined
        ? definition.defaultValue
        : parseFlag(definition, raw, `${definition.project}/${definition.name}`);
    },
  };
};
