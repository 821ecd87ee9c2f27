import { createHash } from 'node:crypto';
import {
  LambdaInvocation,
  type LambdaInvocationConfig,
} from '@cdktf/provider-aws/lib/lambda-invocation/index.js';
import { Construct, Lazy } from '@sec-an/constructs/cdktf';
import { referenceParameter } from '@sec-an/constructs/parameters';
import type { TemplateDefinition } from '@sec-an/contracts/search-index';
import type { SavedObject, SearchSetupRequest } from './setup-request.ts';

/** Where analytics-platform publishes the ARN of the function that applies a provisioning request. */
export const searchSetupFunctionParameter = {
  project: 'analytics-platform',
  thing: 'search-setup',
  attribute: 'function-arn',
} as const;

const duplicates = (templates: readonly TemplateDefinition[]): string[] => {
  const keys = templates.map(({ kind, name }) => `${kind} template ${name}`);
  return [...new Set(keys.filter((key, index) => keys.indexOf(key) !== index))];
};

/**
 * Invokes the search setup function once when the stack is deployed with `request`, and again whenever the
 * request changes (its hash is the trigger). A failing setup fails the deploy with the function's error.
 */
export const invokeSearchSetup = (
  scope: Construct,
  id: string,
  functionArn: string,
  request: SearchSetupRequest,
  options: Pick<LambdaInvocationConfig, 'dependsOn'> = {},
): LambdaInvocation => {
  const repeated = duplicates(request.templates);
  if (repeated.length > 0) throw new Error(`${scope.node.path}/${id}: ${repeated.join(', ')} given twice`);
  const input = JSON.stringify(request);
  // Hashed once resolved: the references in it read as Terraform expressions, which do not change between runs
  // as token placeholders do.
  const hash = Lazy.stringValue({
    produce: (context) =>
      createHash('sha256')
        .update(String(context.resolve(input)))
        .digest('hex'),
  });
  return new LambdaInvocation(scope, id, {
    functionName: functionArn,
    input,
    triggers: { request: hash },
    ...(options.dependsOn === undefined ? {} : { dependsOn: options.dependsOn }),
  });
};

export interface SearchProvisioningProps {
  /** Component and index templates; components are applied first, whatever their order here. */
  readonly templates: readonly TemplateDefinition[];
  /** Dashboards saved objects in import form (one export line each). */
  readonly savedObjects?: readonly SavedObject[];
}

/**
 * A project's index templates and dashboards, provisioned into the analytics store when its stack deploys, by
 * analytics-platform's setup function: its role is the store's only administrator, and the machine that runs
 * `cdktf deploy` is not admitted to the store (ADR 0014). Existing indices that a template matches get its new
 * fields.
 */
export class SearchProvisioning extends Construct {
  readonly invocation: LambdaInvocation;

  constructor(scope: Construct, id: string, props: SearchProvisioningProps) {
    super(scope, id);
    const functionArn = referenceParameter(this, searchSetupFunctionParameter).value;
    this.invocation = invokeSearchSetup(this, 'setup', functionArn, {
      templates: props.templates,
      ...(props.savedObjects === undefined || props.savedObjects.length === 0
        ? {}
        : { savedObjects: props.savedObjects }),
    });
  }
}
