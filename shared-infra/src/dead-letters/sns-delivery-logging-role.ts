import { Construct } from '@sec-an/constructs/cdktf';
import { ServiceRole } from '@sec-an/constructs/iam';
import { ServiceStack } from '@sec-an/constructs/service-stack';

/**
 * The role SNS assumes to log delivery status of every topic of the account. SNS names its log groups
 * `sns/{region}/{account}/{topic}[/Failure]`, so the role may create and write those groups in this account and
 * region, and nothing else.
 */
export class SnsDeliveryLoggingRole extends Construct {
  readonly role: ServiceRole;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = ServiceStack.of(this);
    this.role = new ServiceRole(this, 'role', {
      name: 'sns-delivery-logging',
      assumedBy: 'sns.amazonaws.com',
      description: 'SNS writes the delivery status of topics into their sns/ log groups',
    });
    this.role.addToPolicy({
      actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [stack.arn('logs', `log-group:sns/${stack.region}/${stack.accountId}/*`)],
    });
  }

  get roleArn(): string {
    return this.role.roleArn;
  }
}
