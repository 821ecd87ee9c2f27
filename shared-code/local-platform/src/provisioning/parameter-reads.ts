import type { StackDocument } from './stack-document.ts';

/** A deploy-time read of an SSM parameter: a `data.aws_ssm_parameter` with a literal name. */
export interface ParameterRead {
  readonly address: string;
  readonly parameterName: string;
}

const isLiteral = (value: unknown): value is string =>
  typeof value === 'string' && !value.includes('${') && !value.includes('%{');

const literalNames = (document: StackDocument, mode: 'resource' | 'data') =>
  document.blocks
    .filter(
      (block) => block.mode === mode && block.type === 'aws_ssm_parameter' && isLiteral(block.config.name),
    )
    .map((block) => ({ address: block.address, parameterName: block.config.name as string }));

/** Names of the SSM parameters the stack creates. */
export const publishedParameters = (document: StackDocument): Set<string> =>
  new Set(literalNames(document, 'resource').map((published) => published.parameterName));

export const parameterReads = (document: StackDocument): ParameterRead[] => literalNames(document, 'data');

/** The project segment of `/{app}/{stage}/{project}/{thing}/{attribute}`, if the name follows the scheme. */
export const publishingProjectOf = (parameterName: string): string | undefined => {
  const segments = parameterName.split('/');
  return segments.length === 6 && segments[0] === '' ? segments[3] : undefined;
};
