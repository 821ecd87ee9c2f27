import { defaultRegion, type ServiceStackProps } from './service-stack.ts';
import type { StateBackend } from './state-backend.ts';

/** What every project's `main.ts` needs to build its stacks, read from the environment of `cdktf synth`. */
export type DeploymentSettings = Omit<ServiceStackProps, 'project'>;

export class DeploymentSettingsError extends Error {
  override readonly name = 'DeploymentSettingsError';
}

const stateBackendFrom = (environment: NodeJS.ProcessEnv): StateBackend => {
  const bucket = environment.SEC_AN_STATE_BUCKET;
  if (bucket === undefined || bucket === '') return { kind: 'local' };
  const kmsKeyId = environment.SEC_AN_STATE_KMS_KEY_ID;
  return { kind: 's3', bucket, ...(kmsKeyId === undefined || kmsKeyId === '' ? {} : { kmsKeyId }) };
};

/**
 * SEC_AN_STAGE is required: a deploy that guessed its stage could replace another stage's resources.
 * SEC_AN_APP (default `sec-an`), AWS_REGION (default eu-west-2) and SEC_AN_STATE_BUCKET (S3 state with
 * locking; default a local state file) are optional.
 */
export const deploymentSettingsFrom = (environment: NodeJS.ProcessEnv = process.env): DeploymentSettings => {
  const stage = environment.SEC_AN_STAGE;
  if (stage === undefined || stage === '') {
    throw new DeploymentSettingsError(
      'SEC_AN_STAGE is not set: say which stage to synthesize, e.g. SEC_AN_STAGE=dev',
    );
  }
  return {
    stage,
    app: environment.SEC_AN_APP ?? 'sec-an',
    region: environment.AWS_REGION ?? defaultRegion,
    stateBackend: stateBackendFrom(environment),
  };
};
