import { ApiGatewayAccount } from '@cdktf/provider-aws/lib/api-gateway-account/index.js';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import { Construct } from '@sec-an/constructs/cdktf';
import { type PolicyStatement, policyDocument, validateStatement } from '@sec-an/constructs/iam';
import { ServiceStack } from '@sec-an/constructs/service-stack';

/** Where API Gateway writes: execution logs under its fixed prefix, access logs under `/aws/apigateway/`. */
export const apiGatewayLogGroupPrefixes = ['API-Gateway-Execution-Logs_', '/aws/apigateway/'] as const;

/**
 * The account's API Gateway CloudWatch role, without which a stage can neither write access logs nor
 * execution logs. It is one setting per account and region, so it serves every API there and may write only
 * to the log groups API Gateway uses. Its trust names no source account: API Gateway does not document sending
 * one when it assumes this account-wide role.
 */
export class ApiGatewayLoggingAccount extends Construct {
  readonly role: IamRole;
  readonly account: ApiGatewayAccount;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = ServiceStack.of(this);
    const logGroups = apiGatewayLogGroupPrefixes.map((prefix) => stack.arn('logs', `log-group:${prefix}*`));
    const statements: PolicyStatement[] = [
      {
        actions: [
          'logs:CreateLogGroup',
          'logs:CreateLogStream',
          'logs:DescribeLogStreams',
          'logs:PutLogEvents',
        ],
        resources: logGroups,
      },
      // Listing log groups has no narrower resource than the account's groups in the region.
      { actions: ['logs:DescribeLogGroups'], resources: [stack.arn('logs', 'log-group:*')] },
    ];
    const errors = statements.flatMap(validateStatement);
    if (errors.length > 0) throw new Error(`${this.node.path}: ${errors.join('; ')}`);
    this.role = new IamRole(this, 'role', {
      name: stack.physicalName('api-gateway-logging'),
      description: 'API Gateway writes access and execution logs of every API of the account and region',
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
    });
    const policy = new IamRolePolicy(this, 'policy', {
      name: 'write-api-logs',
      role: this.role.id,
      policy: policyDocument(statements),
    });
    // API Gateway checks the role's permissions when the setting changes.
    this.account = new ApiGatewayAccount(this, 'account', {
      cloudwatchRoleArn: this.role.arn,
      dependsOn: [policy],
    });
  }
}
