import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter/index.js';
import { parameterName } from '@sec-an/runtime/parameters';
import { Construct } from '../cdktf/index.ts';
import { ServiceStack } from '../service-stack/index.ts';

export interface PublishedParameterProps {
  /** The resource or setting, e.g. `ingest-queue`. */
  readonly thing: string;
  /** Which of its attributes, e.g. `url`. */
  readonly attribute: string;
  readonly value: string;
  /** Default: `{thing} {attribute}`. */
  readonly description?: string;
}

/**
 * A value this stack's project offers to other projects, at `/{app}/{stage}/{project}/{thing}/{attribute}`.
 * Parameters carry names, ARNs and URLs, never secrets, so they are plain strings.
 */
export class PublishedParameter extends Construct {
  readonly parameterName: string;
  readonly parameter: SsmParameter;

  constructor(scope: Construct, id: string, props: PublishedParameterProps) {
    super(scope, id);
    const { naming } = ServiceStack.of(this);
    this.parameterName = parameterName({ ...naming, thing: props.thing, attribute: props.attribute });
    this.parameter = new SsmParameter(this, 'parameter', {
      name: this.parameterName,
      type: 'String',
      value: props.value,
      description: props.description ?? `${props.thing} ${props.attribute}`,
    });
  }
}

/** Publishes `value` as `{thing}/{attribute}` of the stack's project. */
export const publishParameter = (
  scope: Construct,
  thing: string,
  attribute: string,
  value: string,
): PublishedParameter =>
  new PublishedParameter(scope, `parameter-${thing}-${attribute}`, { thing, attribute, value });
