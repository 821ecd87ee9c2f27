import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity/index.js';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition/index.js';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider/index.js';
import { type Construct, type IConstruct, TerraformStack } from '../cdktf/index.ts';
import { namingTags, physicalName, type ServiceNaming, validateNaming } from './naming.ts';
import { configureStateBackend, type StateBackend } from './state-backend.ts';

export interface ServiceStackProps {
  /** The project (workspace) that deploys the stack, e.g. `task-execution`. */
  readonly project: string;
  /** The deployment stage, e.g. `dev`. Every name and SSM path carries it. */
  readonly stage: string;
  /** Default: `sec-an`. */
  readonly app?: string;
  /** Default: `eu-west-2`. */
  readonly region?: string;
  /** Default: a local state file per project, stage and stack. */
  readonly stateBackend?: StateBackend;
}

export const defaultRegion = 'eu-west-2';

/**
 * A deployable stack of one project: the AWS provider with the `app`, `stage` and `project` tags on every
 * resource, and its own Terraform state.
 */
export class ServiceStack extends TerraformStack {
  readonly naming: ServiceNaming;
  readonly region: string;
  private identity: DataAwsCallerIdentity | undefined;
  private partitionData: DataAwsPartition | undefined;

  /** The stack a construct belongs to; every sec-an construct lives in one. */
  static override of(construct: IConstruct): ServiceStack {
    const stack = construct.node.scopes.find((scope): scope is ServiceStack => scope instanceof ServiceStack);
    if (stack === undefined) {
      throw new Error(`${construct.node.path} is not inside a ServiceStack`);
    }
    return stack;
  }

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id);
    this.naming = { app: props.app ?? 'sec-an', stage: props.stage, project: props.project };
    this.region = props.region ?? defaultRegion;
    const errors = validateNaming(this.naming);
    if (errors.length > 0) throw new Error(`stack ${id}: ${errors.join('; ')}`);
    new AwsProvider(this, 'aws', { region: this.region, defaultTags: [{ tags: namingTags(this.naming) }] });
    configureStateBackend(this, props.stateBackend ?? { kind: 'local' }, this.naming, this.region);
  }

  /** `{app}-{stage}-{project}-{name}`, cut to `maxLength` (the owning service's limit). */
  physicalName(name: string, maxLength = 64): string {
    return physicalName(this.naming, name, maxLength);
  }

  get accountId(): string {
    this.identity ??= new DataAwsCallerIdentity(this, 'caller-identity');
    return this.identity.accountId;
  }

  get partition(): string {
    this.partitionData ??= new DataAwsPartition(this, 'partition');
    return this.partitionData.partition;
  }

  /** The ARN of a resource of this stack's account and region. */
  arn(service: string, resource: string, options: { readonly global?: boolean } = {}): string {
    const region = options.global === true ? '' : this.region;
    const account = service === 's3' ? '' : this.accountId;
    return `arn:${this.partition}:${service}:${region}:${account}:${resource}`;
  }
}
