import type { Client } from '@opensearch-project/opensearch';
import type { TemplateDefinition } from '@sec-an/contracts/search-index';
import { indexPatternsOf, indicesMatching } from './index-patterns.ts';
import { isRefusal, pathSegment, refusalReason, searchCall } from './search-call.ts';
import {
  type IncompatibleMapping,
  IncompatibleMappingError,
  SearchSetupError,
} from './search-setup-errors.ts';

export interface UpdatedIndex {
  readonly index: string;
  readonly template: string;
}

export interface TemplatesReport {
  readonly componentTemplates: readonly string[];
  readonly indexTemplates: readonly string[];
  /** Existing indices whose mapping was brought up to what their template now gives a new index. */
  readonly updatedIndices: readonly UpdatedIndex[];
}

const templatePath = (template: TemplateDefinition): string =>
  `/${template.kind === 'component' ? '_component_template' : '_index_template'}/${pathSegment(template.name)}`;

const putTemplate = async (client: Client, template: TemplateDefinition): Promise<void> => {
  try {
    await searchCall(client, { method: 'PUT', path: templatePath(template), body: template.body });
  } catch (error) {
    if (!isRefusal(error)) throw error;
    throw new SearchSetupError(
      `${template.kind} template ${template.name} was refused: ${refusalReason(error)}`,
      {
        cause: error,
      },
    );
  }
};

const existingIndices = async (client: Client): Promise<string[]> => {
  const { body } = await searchCall<{ index: string }[]>(client, {
    method: 'GET',
    path: '/_cat/indices',
    querystring: { format: 'json', h: 'index', expand_wildcards: 'open' },
  });
  return body.map(({ index }) => index);
};

/**
 * The mapping a new index of this name would get (the engine composes the winning template with its component
 * templates), put onto the existing index: new fields are added, `_meta` and `dynamic` follow; a field whose type
 * changed is refused by the engine.
 */
const bringMappingUpToDate = async (client: Client, index: string): Promise<void> => {
  const { body } = await searchCall<{ template?: { mappings?: Record<string, unknown> } }>(client, {
    method: 'POST',
    path: `/_index_template/_simulate_index/${pathSegment(index)}`,
  });
  const mappings = body.template?.mappings;
  if (mappings === undefined) return;
  await searchCall(client, { method: 'PUT', path: `/${pathSegment(index)}/_mapping`, body: mappings });
};

/** Each existing index once, with the first of our templates that matches it. */
const indicesToUpdate = (
  indices: readonly string[],
  templates: readonly TemplateDefinition[],
): UpdatedIndex[] => {
  const byIndex = new Map<string, string>();
  for (const template of templates) {
    for (const index of indicesMatching(indices, indexPatternsOf(template.body))) {
      if (!byIndex.has(index)) byIndex.set(index, template.name);
    }
  }
  return [...byIndex].map(([index, template]) => ({ index, template }));
};

/**
 * Puts component templates, then index templates (which compose them), then brings every existing index they
 * match up to its template's mapping. Every index is tried; those that cannot change in place are reported
 * together, as one error, after the rest are done.
 */
export const applyTemplates = async (
  client: Client,
  templates: readonly TemplateDefinition[],
): Promise<TemplatesReport> => {
  const components = templates.filter(({ kind }) => kind === 'component');
  const indexTemplates = templates.filter(({ kind }) => kind === 'index');
  for (const template of [...components, ...indexTemplates]) await putTemplate(client, template);
  const updatedIndices: UpdatedIndex[] = [];
  const incompatible: IncompatibleMapping[] = [];
  for (const target of indicesToUpdate(await existingIndices(client), indexTemplates)) {
    try {
      await bringMappingUpToDate(client, target.index);
      updatedIndices.push(target);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      incompatible.push({ ...target, reason: refusalReason(error) });
    }
  }
  if (incompatible.length > 0) throw new IncompatibleMappingError(incompatible);
  return {
    componentTemplates: components.map(({ name }) => name),
    indexTemplates: indexTemplates.map(({ name }) => name),
    updatedIndices,
  };
};
