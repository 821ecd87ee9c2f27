import { DataAwsSsmParameter } from '@cdktf/provider-aws/lib/data-aws-ssm-parameter/index.js';
import { parameterName } from '@sec-an/runtime/parameters';
import { Construct } from '../cdktf/index.ts';
import { ServiceStack } from '../service-stack/index.ts';

export interface ParameterReferenceProps {
  /** The project that publishes the value. */
  readonly project: string;
  readonly thing: string;
  readonly attribute: string;
}

/**
 * A deploy-time read of another project's published value, for the few places where Terraform itself needs it
 * (a subscription needs its topic's ARN). Functions read parameters at call time instead.
 */
export class ParameterReference extends Construct {
  readonly parameterName: string;
  private readonly data: DataAwsSsmParameter;

  constructor(scope: Construct, id: string, props: ParameterReferenceProps) {
    super(scope, id);
    const { naming } = ServiceStack.of(this);
    this.parameterName = parameterName({
      app: naming.app,
      stage: naming.stage,
      project: props.project,
      thing: props.thing,
      attribute: props.attribute,
    });
    this.data = new DataAwsSsmParameter(this, 'parameter', { name: this.parameterName });
  }

  get value(): string {
    return this.data.value;
  }

  /** ARN of the parameter itself, for `grantRead`. */
  get arn(): string {
    return this.data.arn;
  }
}

/** One reference per parameter and stack, however many constructs need it. */
export const referenceParameter = (scope: Construct, props: ParameterReferenceProps): ParameterReference => {
  const stack = ServiceStack.of(scope);
  const id = `reference-${props.project}-${props.thing}-${props.attribute}`;
  const existing = stack.node.tryFindChild(id);
  return existing instanceof ParameterReference ? existing : new ParameterReference(stack, id, props);
};
