/** `aws_sqs_queue.q.redrive_policy` or `data.aws_region.r.name`, with nested names and indexes. */
export interface Reference {
  /** The resource or data source, e.g. `aws_sqs_queue.q` or `data.aws_region.r`. */
  readonly target: string;
  /** The attribute path below it; numbers are list indexes. */
  readonly path: readonly (string | number)[];
}

const candidatePattern = /(?<![\w.-])(?:data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*/g;

/**
 * Every `type.name` and `data.type.name` that an expression mentions, wherever it sits (inside function calls
 * too), for ordering only: what is not a known address is dropped by the caller, and resolution parses strictly.
 */
export const mentionedAddresses = (source: string): string[] =>
  [...source.replace(/"(?:[^"\\]|\\.)*"/g, '""').matchAll(candidatePattern)].map((match) => match[0]);
