import type { Client } from '@opensearch-project/opensearch';
import {
  type DocumentTypeMeta,
  documentTemplateName,
  documentTypeMetaKey,
} from '@sec-an/contracts/search-index';
import { MissingTemplateError } from './ingest-errors.ts';

/** Long enough to spare the store a lookup per batch, short enough to see a redeployed template's fields. */
const cacheMilliseconds = 5 * 60_000;

const cache = new Map<string, { readonly at: number; readonly meta: DocumentTypeMeta }>();

interface TemplateResponse {
  readonly index_templates?: readonly {
    readonly index_template?: { readonly template?: { readonly mappings?: { readonly _meta?: unknown } } };
  }[];
}

const fetchMeta = async (client: Client, task: string, type: string): Promise<DocumentTypeMeta> => {
  const name = documentTemplateName(task, type);
  const response = await client.indices.getIndexTemplate({ name }, { ignore: [404] });
  const template = (response.body as TemplateResponse).index_templates?.[0]?.index_template;
  const meta = (template?.template?.mappings?._meta as Record<string, DocumentTypeMeta> | undefined)?.[
    documentTypeMetaKey
  ];
  if (response.statusCode === 404 || meta === undefined) {
    throw new MissingTemplateError(
      `no index template "${name}" for documents of type "${type}" of task "${task}": deploy the task's ` +
        'index templates, then redrive this message',
    );
  }
  return meta;
};

/**
 * A document type's declaration, read back from its provisioned template. A type without one is refused: the
 * store would otherwise map its fields by guessing, and the first wrong guess would stick.
 */
export const documentTypeMeta = async (
  client: Client,
  task: string,
  type: string,
): Promise<DocumentTypeMeta> => {
  const name = documentTemplateName(task, type);
  const cached = cache.get(name);
  if (cached !== undefined && Date.now() - cached.at < cacheMilliseconds) return cached.meta;
  const meta = await fetchMeta(client, task, type);
  cache.set(name, { at: Date.now(), meta });
  return meta;
};
