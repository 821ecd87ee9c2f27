import { documentTypeTemplate, type TemplateDefinition } from '@sec-an/contracts/search-index';
import { addressDocumentType } from './dns-addresses.ts';
import { hostDocumentType } from './dns-hosts.ts';

/** The document types task-execution declares: its tables' rows in the analytics store. */
export const taskExecutionDocumentTypes = [hostDocumentType, addressDocumentType] as const;

/** The index templates task-execution provisions; the platform's own (changes, metadata) are analytics-platform's. */
export const taskExecutionTemplates: readonly TemplateDefinition[] =
  taskExecutionDocumentTypes.map(documentTypeTemplate);
