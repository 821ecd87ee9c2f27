import { SetupError } from '../errors/index.ts';

/**
 * Provisioning failed on something the user can fix in a stack or in the order of bring-up. A SetupError, so
 * that the command line prints it as one line (SetupError fixes `name`, so the subclasses are told apart by
 * class). `address` is the Terraform address at fault, prefixed with its project and stack.
 */
export class ProvisioningError extends SetupError {
  readonly address: string;

  constructor(address: string, cause: string, remedy: string, options?: ErrorOptions) {
    super(`${address}: ${cause}`, remedy);
    this.address = address;
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** An interpolation that is not a plain reference: a function call, a splat, a variable, a template directive. */
export class UnsupportedExpressionError extends ProvisioningError {
  readonly expression: string;

  constructor(address: string, expression: string, reason: string) {
    super(
      address,
      `unsupported expression \${${expression}} (${reason})`,
      'the local platform resolves only references to resource and data source attributes',
    );
    this.expression = expression;
  }
}

/** A reference to a resource the stack does not declare, or to an attribute its applier does not report. */
export class UnresolvedReferenceError extends ProvisioningError {
  readonly expression: string;

  constructor(address: string, expression: string, reason: string) {
    super(address, `cannot resolve \${${expression}}: ${reason}`, 'fix the reference in the stack');
    this.expression = expression;
  }
}

export class DependencyCycleError extends ProvisioningError {
  readonly cycle: readonly string[];

  constructor(scope: string, cycle: readonly string[]) {
    super(
      scope,
      `dependency cycle ${cycle.join(' -> ')}`,
      'break the cycle: one of them must not refer to the next',
    );
    this.cycle = cycle;
  }
}

/** A stack reads an SSM parameter that no stack being provisioned publishes and that moto does not hold. */
export class MissingParameterError extends ProvisioningError {
  readonly parameterName: string;

  constructor(address: string, parameterName: string, publisher: string | undefined) {
    super(
      address,
      `reads SSM parameter ${parameterName}, which nobody publishes`,
      publisher === undefined
        ? 'bring up the project that publishes it first'
        : `bring up project ${publisher} first (the parameter's name says it publishes it)`,
    );
    this.parameterName = parameterName;
  }
}

/** A setting of a resource that the applier cannot read: a wrong type, a missing required argument. */
export class InvalidConfigurationError extends ProvisioningError {
  constructor(address: string, problem: string) {
    super(address, problem, 'fix the resource in the stack');
  }
}

/** moto refused an API call that applies a resource. */
export class ApplyError extends ProvisioningError {
  constructor(address: string, cause: unknown) {
    super(
      address,
      `moto refused it: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`,
      'check the resource settings against what the service accepts',
      { cause },
    );
  }
}
