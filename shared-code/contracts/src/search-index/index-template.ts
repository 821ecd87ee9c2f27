import { documentMetadataComponent, documentMetadataProperties } from './document-metadata.ts';
import type { DocumentType, FieldMapping } from './document-type.ts';
import { documentTemplateName, historyIndex, snapshotIndex } from './index-names.ts';

/** An index or component template as the `_index_template` / `_component_template` APIs take it. */
export interface TemplateDefinition {
  readonly kind: 'index' | 'component';
  readonly name: string;
  readonly body: Readonly<Record<string, unknown>>;
}

/** What the ingest reads back from a document type's template, in its mapping's `_meta`. */
export interface DocumentTypeMeta {
  readonly task: string;
  readonly type: string;
  readonly changeFields: readonly string[];
  readonly labelFields: readonly string[];
}

export const documentTypeMetaKey = 'sec-an';

/** Higher than any template a user or plugin adds by default (0), so ours decide. */
const templatePriority = 200;

export const documentMetadataTemplate: TemplateDefinition = {
  kind: 'component',
  name: documentMetadataComponent,
  body: { template: { mappings: { properties: documentMetadataProperties } } },
};

const fieldExists = (properties: Readonly<Record<string, FieldMapping>>, path: string): boolean => {
  const [head = '', ...rest] = path.split('.');
  const field = properties[head];
  if (field === undefined) return false;
  return rest.length === 0 ? field.type !== undefined : fieldExists(field.properties ?? {}, rest.join('.'));
};

/** Refuses a declaration whose change or label fields are not mapped, before anything is provisioned. */
export const validateDocumentType = (definition: DocumentType): void => {
  const unmapped = [...definition.changeFields, ...definition.labelFields].filter(
    (path) => !fieldExists(definition.properties, path),
  );
  if (unmapped.length > 0) {
    throw new Error(
      `document type ${definition.task}/${definition.type} names fields it does not map: ${unmapped.join(', ')}`,
    );
  }
};

/**
 * The template of a type's snapshot and history indices. `dynamic: strict` makes a field the template does not
 * map an error on the document (dead-lettered with its reason) rather than a field no dashboard can trust.
 */
export const documentTypeTemplate = (definition: DocumentType): TemplateDefinition => {
  validateDocumentType(definition);
  const meta: DocumentTypeMeta = {
    task: definition.task,
    type: definition.type,
    changeFields: definition.changeFields,
    labelFields: definition.labelFields,
  };
  return {
    kind: 'index',
    name: documentTemplateName(definition.task, definition.type),
    body: {
      index_patterns: [
        snapshotIndex(definition.task, definition.type),
        historyIndex(definition.task, definition.type),
      ],
      composed_of: [documentMetadataComponent],
      priority: templatePriority,
      template: {
        mappings: {
          dynamic: 'strict',
          _meta: { [documentTypeMetaKey]: meta },
          properties: definition.properties,
        },
      },
    },
  };
};

/** A template for one index that is not a document type's (changes, subjects, dead letters). */
export const singleIndexTemplate = (
  index: string,
  properties: Readonly<Record<string, FieldMapping>>,
): TemplateDefinition => ({
  kind: 'index',
  name: index,
  body: {
    index_patterns: [index],
    priority: templatePriority,
    template: { mappings: { dynamic: 'strict', properties } },
  },
});
