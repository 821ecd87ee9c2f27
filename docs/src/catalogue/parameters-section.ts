import { placeholderName } from './catalogue-settings.ts';
import { code, list, markdownTable } from './markdown.ts';
import { describeTarget, type Publication, parameterNameOf, publicationsOf } from './resolve.ts';
import type { Block, SynthesizedStack } from './synthesized-stacks.ts';
import { blockOf, blocksOf, componentName, referencesIn, soleReference, stackName } from './terraform.ts';

interface ParameterRow {
  publication?: Publication;
  readonly deployReaders: Set<string>;
  readonly callReaders: Set<string>;
}

const parameterArnPattern = /:parameter(\/[^"\s,\]]+)/g;

/** The role a policy is attached to, named after the function or task that assumes it. */
const readerOf = (stack: SynthesizedStack, policy: Block): string => {
  const role = referencesIn(policy.role).find((reference) => reference.type === 'aws_iam_role');
  const named = role === undefined ? undefined : blockOf(stack, role);
  return `${stackName(stack)}: ${componentName(stack, named ?? policy)}`;
};

const rowFor = (rows: Map<string, ParameterRow>, name: string): ParameterRow => {
  const existing = rows.get(name);
  if (existing !== undefined) return existing;
  const row: ParameterRow = { deployReaders: new Set(), callReaders: new Set() };
  rows.set(name, row);
  return row;
};

/** Deploy-time reads are data sources; call-time reads are `ssm:GetParameter` grants on a parameter's ARN. */
const collectReaders = (rows: Map<string, ParameterRow>, stack: SynthesizedStack): void => {
  for (const [, block] of blocksOf(stack, 'aws_ssm_parameter', true)) {
    rowFor(rows, parameterNameOf(block)).deployReaders.add(stackName(stack));
  }
  for (const [, policy] of blocksOf(stack, 'aws_iam_role_policy')) {
    const document = String(policy.policy ?? '');
    if (!document.includes('ssm:GetParameter')) continue;
    for (const match of document.matchAll(parameterArnPattern)) {
      rowFor(rows, placeholderName(match[1] ?? '')).callReaders.add(readerOf(stack, policy));
    }
  }
};

const parameterRows = (stacks: readonly SynthesizedStack[]): ReadonlyMap<string, ParameterRow> => {
  const rows = new Map<string, ParameterRow>();
  const publications = publicationsOf(stacks);
  for (const [name, publication] of publications) rowFor(rows, name).publication = publication;
  for (const stack of stacks) collectReaders(rows, stack);
  return rows;
};

const literalLimit = 60;

const holds = (publications: ReadonlyMap<string, Publication>, publication: Publication): string => {
  const { value } = publication.block;
  const reference = soleReference(value);
  if (reference !== undefined) {
    const target = describeTarget(publications, publication.stack, value);
    return target.startsWith('stream of') ? code(target) : `${reference.attribute} of ${code(target)}`;
  }
  const text = String(value);
  if (text.includes('${')) {
    const sources = [...text.matchAll(/\b(aws_[a-z0-9_]+)\.[\w-]+\.([a-z_]+)/g)].map(([, type, attribute]) =>
      code(`${type}.${attribute}`),
    );
    return `computed at deploy from ${list(sources)}`;
  }
  return text.length <= literalLimit ? `the value ${code(text)}` : `a literal of ${text.length} characters`;
};

/** `/{app}/{stage}/{project}/…`: the project a parameter belongs to, and its name inside it. */
const splitName = (name: string): { project: string; local: string } => {
  const [, , , project = '', ...rest] = name.split('/');
  return { project, local: rest.join('/') };
};

const projectTable = (
  publications: ReadonlyMap<string, Publication>,
  entries: readonly (readonly [string, ParameterRow])[],
): string =>
  markdownTable(
    ['parameter', 'published by', 'holds', 'read at deploy by', 'read at call time by'],
    entries.map(([name, row]) => [
      code(splitName(name).local),
      row.publication === undefined ? 'not published by any stack' : code(row.publication.stack.stack),
      row.publication === undefined ? '' : holds(publications, row.publication),
      list(row.deployReaders),
      list(row.callReaders),
    ]),
  );

/**
 * The SSM catalogue: per project, every parameter its stacks publish or other stacks read, with who reads it
 * and when, from the synthesized stacks.
 */
export const parametersSection = (
  stacks: readonly SynthesizedStack[],
  projects: readonly string[],
): string => {
  const rows = [...parameterRows(stacks)].sort(([a], [b]) => a.localeCompare(b));
  const publications = publicationsOf(stacks);
  const owners = [...projects, ...rows.map(([name]) => splitName(name).project)];
  return [...new Set(owners)]
    .map((project) => {
      const entries = rows.filter(([name]) => splitName(name).project === project);
      if (entries.length === 0) return '';
      return `#### ${project}\n\nUnder \`/{app}/{stage}/${project}/\`:\n\n${projectTable(publications, entries)}`;
    })
    .filter((section) => section !== '')
    .join('\n\n');
};
