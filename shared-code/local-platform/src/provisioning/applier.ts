import type { ResourceConfig } from './config.ts';
import type { DeploymentRecorder } from './deployment-recorder.ts';
import type { AwsEnvironment } from './environment.ts';
import type { StateBackendSettings } from './stack-document.ts';

/** What references to a resource can read: Terraform's attribute names (`arn`, `url`, `id`, ...). */
export type Attributes = Readonly<Record<string, unknown>>;

export interface ApplyContext {
  /** `<project>/<stack>/<terraform address>`. */
  readonly address: string;
  readonly type: string;
  readonly project: string;
  /** The stack's folder, against which asset paths are resolved. */
  readonly directory: string;
  readonly environment: AwsEnvironment;
  readonly deployment: DeploymentRecorder;
  /** The resource's `tags` over the provider's default tags, as Terraform merges them. */
  readonly tagsOf: (config: ResourceConfig) => Record<string, string>;
  /** Outputs of the provisioned stack whose state is kept at `settings` (cdktf's cross-stack references). */
  readonly stackOutputsAt: (settings: StateBackendSettings) => Record<string, unknown> | undefined;
  /** Lists the resource as not applied, for a reason, and returns its placeholder attributes. */
  readonly notApplied: (reason: string) => Attributes;
}

/**
 * Applies one resource type to moto (or records it for the compute step) from its resolved arguments, and
 * returns its attributes. Errors of the AWS SDK are wrapped with the address by the caller.
 */
export type Applier = (config: ResourceConfig, context: ApplyContext) => Promise<Attributes>;
