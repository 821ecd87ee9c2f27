import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias/index.js';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key/index.js';
import type { Construct } from '@sec-an/constructs/cdktf';
import { publishParameter } from '@sec-an/constructs/parameters';
import { type DeploymentSettings, ServiceStack } from '@sec-an/constructs/service-stack';
import { logKeyPolicy } from '../keys/log-key-policy.ts';
import { logKeyParameter } from '../logging/log-key.ts';
import { sharedInfraProject } from './shared-infra-project.ts';

export type KeysStackProps = DeploymentSettings;

/**
 * The customer managed key of the app's logs. CloudWatch Logs and S3 log delivery cannot use AWS managed keys,
 * so one key here serves every log group and the access-log bucket of every project ($1 a month, not one per
 * stack). Deployed first: the other stacks read its ARN from SSM.
 */
export class KeysStack extends ServiceStack {
  readonly logKey: KmsKey;

  constructor(scope: Construct, id: string, props: KeysStackProps) {
    super(scope, id, { ...props, project: sharedInfraProject });
    this.logKey = new KmsKey(this, 'log-key', {
      description: `Encrypts the logs of ${this.naming.app} ${this.naming.stage}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: logKeyPolicy({ partition: this.partition, accountId: this.accountId, region: this.region }),
    });
    new KmsAlias(this, 'log-key-alias', {
      name: `alias/${this.physicalName('logs', 250)}`,
      targetKeyId: this.logKey.keyId,
    });
    publishParameter(this, logKeyParameter.thing, logKeyParameter.attribute, this.logKey.arn);
  }
}
