import { LocalBackend, S3Backend, type TerraformStack } from '../cdktf/index.ts';
import type { ServiceNaming } from './naming.ts';

/** Where Terraform keeps a project's state; one state per project, stage and stack. */
export type StateBackend =
  | {
      readonly kind: 'local';
      /** Folder of the state files. Default: `terraform-state` beside the project's cdktf.json. */
      readonly directory?: string;
    }
  | {
      readonly kind: 's3';
      readonly bucket: string;
      /** Region of the state bucket. Default: the stack's region. */
      readonly region?: string;
      /** Key of the KMS key that encrypts the state. Default: the bucket's default encryption. */
      readonly kmsKeyId?: string;
    };

export const stateKey = (naming: ServiceNaming, stackId: string): string =>
  `${naming.app}/${naming.stage}/${naming.project}/${stackId}.tfstate`;

/** S3 state locks with a lock file beside the state (Terraform 1.10+), so teams need no lock table. */
export const configureStateBackend = (
  stack: TerraformStack,
  backend: StateBackend,
  naming: ServiceNaming,
  region: string,
): void => {
  const key = stateKey(naming, stack.node.id);
  if (backend.kind === 'local') {
    new LocalBackend(stack, { path: `${backend.directory ?? 'terraform-state'}/${key}` });
    return;
  }
  new S3Backend(stack, {
    bucket: backend.bucket,
    key,
    region: backend.region ?? region,
    encrypt: true,
    ...(backend.kmsKeyId === undefined ? {} : { kmsKeyId: backend.kmsKeyId }),
  });
  // cdktf 0.21 predates the option; the override writes it where Terraform reads it.
  stack.addOverride('terraform.backend.s3.use_lockfile', true);
};
