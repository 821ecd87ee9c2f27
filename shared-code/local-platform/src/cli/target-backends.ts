import { backendsEnvironment, backendsStatus, localBackendsConfig } from '../backends/index.ts';
import { SetupError } from '../errors/index.ts';
import { UsageError } from './usage-error.ts';

/** Which backends a command talks to: the running local platform, or whatever the AWS SDK is configured for. */
export type TargetBackends = { readonly kind: 'local' } | { readonly kind: 'aws'; readonly stage: string };

/** The `--aws` and `--stage` options every command that talks to the platform takes. */
export const backendOptions = {
  aws: { type: 'boolean' },
  stage: { type: 'string' },
} as const;

export const backendOptionsUsage = `  --aws            talk to AWS as the AWS SDK is configured (credentials, region, AWS_ENDPOINT_URL),
                   not to the local platform
  --stage <stage>  the stage to talk to, with --aws (default: SEC_AN_STAGE)`;

/** The backends from `--aws` and `--stage`; the stage of AWS falls back to SEC_AN_STAGE. */
export const targetBackendsOf = (
  values: { readonly aws?: boolean | undefined; readonly stage?: string | undefined },
  environment: NodeJS.ProcessEnv,
): TargetBackends => {
  if (values.aws !== true) {
    if (values.stage !== undefined) {
      throw new UsageError('--stage goes with --aws; the local platform has one stage');
    }
    return { kind: 'local' };
  }
  const stage = values.stage ?? environment.SEC_AN_STAGE;
  if (stage === undefined || stage === '') throw new UsageError('--aws needs --stage (or SEC_AN_STAGE)');
  return { kind: 'aws', stage };
};

/**
 * Points the AWS clients (and the OpenSearch client) at the backends: the running local platform's, or, with
 * --aws, whatever the AWS SDK's own configuration says; either way only the environment differs, never the code.
 */
export const useBackends = (backends: TargetBackends): void => {
  if (backends.kind === 'aws') {
    process.env.SEC_AN_STAGE = backends.stage;
    return;
  }
  const status = backendsStatus(localBackendsConfig().instance);
  if (status === undefined) {
    throw new SetupError('the local platform is not running', 'start it with `./sec-an up`, or pass --aws');
  }
  Object.assign(process.env, backendsEnvironment(status.state));
};
