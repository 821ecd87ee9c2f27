import { ConfigurationError, TransientError } from '@sec-an/runtime/errors';

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** A Route53 read failed for a reason other than throttling: the ingest stops and writes nothing. */
export class Route53ReadError extends TransientError {
  constructor(what: string, cause: unknown) {
    super(`${what} failed: ${describe(cause)}`, { cause });
  }
}

/** Route53 answered in a way that pagination cannot continue from. */
export class Route53PaginationError extends TransientError {}

/** The DNS reader role parameter holds something that is not a role ARN. */
export class DnsReaderRoleParameterError extends ConfigurationError {}

/** STS refused to let the ingest assume a configured role. */
export class DnsReaderRoleError extends ConfigurationError {
  readonly roleArn: string;

  constructor(roleArn: string, parameter: string, cause: unknown) {
    super(`cannot assume the DNS reader role ${roleArn} (from ${parameter}): ${describe(cause)}`, { cause });
    this.roleArn = roleArn;
  }
}

/** The ingest's tables refused a write, after retries. */
export class DnsTableWriteError extends TransientError {}
