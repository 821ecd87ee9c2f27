import { FlowLog } from '@cdktf/provider-aws/lib/flow-log/index.js';
import { Construct } from '@sec-an/constructs/cdktf';
import { ServiceRole } from '@sec-an/constructs/iam';
import { ServiceStack } from '@sec-an/constructs/service-stack';
import { EncryptedLogGroup } from '../logging/encrypted-log-group.ts';

export interface VpcFlowLogsProps {
  readonly vpcId: string;
}

/** Every accepted and rejected flow of the VPC, into an encrypted log group, through a role that can only write there. */
export class VpcFlowLogs extends Construct {
  readonly logGroup: EncryptedLogGroup;
  readonly role: ServiceRole;
  readonly flowLog: FlowLog;

  constructor(scope: Construct, id: string, props: VpcFlowLogsProps) {
    super(scope, id);
    const { naming } = ServiceStack.of(this);
    this.logGroup = new EncryptedLogGroup(this, 'logs', {
      name: `/${naming.app}/${naming.stage}/${naming.project}/vpc-flow-logs`,
    });
    this.role = new ServiceRole(this, 'role', {
      name: 'vpc-flow-logs',
      assumedBy: 'vpc-flow-logs.amazonaws.com',
      description: 'Writes the VPC flow logs into their log group',
    });
    // The group exists, so the role needs no logs:CreateLogGroup; `:*` covers the group and its streams.
    this.role.addToPolicy({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
      resources: [`${this.logGroup.arn}:*`],
    });
    this.flowLog = new FlowLog(this, 'flow-log', {
      vpcId: props.vpcId,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: this.logGroup.arn,
      iamRoleArn: this.role.roleArn,
    });
  }
}
