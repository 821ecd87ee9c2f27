import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group/index.js';
import { Construct } from '@sec-an/constructs/cdktf';
import { logKeyArn } from './log-key.ts';

/** A year: long enough to investigate an incident found months late, the least checkov accepts. */
export const logRetentionDays = 365;

export interface EncryptedLogGroupProps {
  /** The log group's full name; some services require a prefix (WAF: `aws-waf-logs-`). */
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
      kmsKeyId: logKeyArn(this),
    });
  }

  /** The group's ARN without the `:*` suffix, as services that deliver logs want it. */
  get arn(): string {
    return this.logGroup.arn;
  }

  get name(): string {
    return this.logGroup.name;
  }
}
