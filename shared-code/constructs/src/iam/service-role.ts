import { IamRole } from '@cdktf/provider-aws/lib/iam-role/index.js';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy/index.js';
import { Construct, Lazy } from '../cdktf/index.ts';
import { ServiceStack } from '../service-stack/index.ts';
import { type Grantee, type PolicyStatement, policyDocument, validateStatement } from './policy-statement.ts';

export interface ServiceRoleProps {
  /** Name suffix of the role. */
  readonly name: string;
  /** The service that assumes the role, e.g. `lambda.amazonaws.com`. */
  readonly assumedBy: string;
  readonly description?: string;
}

/**
 * A role whose one inline policy is the sum of what was granted to it, rendered at synth so that grants can
 * come from anywhere in the stack. No managed policies: their resources are `*`.
 */
export class ServiceRole extends Construct implements Grantee {
  readonly role: IamRole;
  private readonly statements: PolicyStatement[] = [];

  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    const stack = ServiceStack.of(this);
    this.role = new IamRole(this, 'role', {
      name: stack.physicalName(props.name),
      description: props.description ?? `${props.name} of ${stack.naming.project}`,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: props.assumedBy },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'aws:SourceAccount': stack.accountId } },
          },
        ],
      }),
    });
    new IamRolePolicy(this, 'policy', {
      name: 'granted',
      role: this.role.id,
      policy: Lazy.stringValue({ produce: () => policyDocument(this.statements) }),
    });
    this.node.addValidation({
      validate: () => [
        ...(this.statements.length === 0 ? ['the role was granted nothing'] : []),
        ...this.statements.flatMap(validateStatement),
      ],
    });
  }

  get roleArn(): string {
    return this.role.arn;
  }

  addToPolicy(statement: PolicyStatement): void {
    this.statements.push(statement);
  }

  /** What the role has been granted so far, for tests and reviews. */
  get grantedStatements(): readonly PolicyStatement[] {
    return this.statements;
  }
}
