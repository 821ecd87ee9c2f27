import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { Construct } from '../cdktf/index.ts';
import { referenceParameter } from '../parameters/index.ts';

/** shared-infra's customer managed key of the app's logs: CloudWatch Logs cannot use an AWS managed key. */
export const logKeyParameter = { project: 'shared-infra', thing: 'log-key', attribute: 'arn' } as const;

/** A year: long enough to investigate an incident found months late, the least checkov accepts. */
export const logRetentionDays = 365;

export interface EncryptedLogGroupProps {
  /** The log group's full name; some services expect a prefix (`/aws/opensearch/...`, `aws-waf-logs-`). */
  readonly name: string;
}

/** A log group encrypted under the app's log key and kept for a year. */
export class EncryptedLogGroup extends Construct {
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: EncryptedLogGroupProps) {
    super(scope, id);
    this.logGroup = new CloudwatchLogGroup(this, 'log-group', {
      name: props.name,
      retentionInDays: logRetentionDays,
      kmsKeyId: referenceParameter(this, logKeyParameter).value,
    });
  }

  /** The group's ARN without the `:*` suffix. */
  get arn(): string {
    return this.logGroup.arn;
  }

  get name(): string {
    return this.logGroup.name;
  }
}
