import { documentTypeTemplate, type TemplateDefinition } from '@sec-an/contracts/search-index';
import {
  certificateDocumentType,
  cveDocumentType,
  hostDocumentType,
  hostSummaryDocumentType,
  portDocumentType,
  tlsCipherDocumentType,
} from './nmap-document-types.ts';

/** Every document type the nmap parser emits, one per key of a result's `documents`. */
export const nmapDocumentTypes = [
  hostDocumentType,
  portDocumentType,
  certificateDocumentType,
  tlsCipherDocumentType,
  cveDocumentType,
  hostSummaryDocumentType,
] as const;

/** The index templates nmap-scanner provisions (dynamic: strict, so an unmapped field is refused, not guessed). */
export const nmapTemplates: readonly TemplateDefinition[] = nmapDocumentTypes.map(documentTypeTemplate);
