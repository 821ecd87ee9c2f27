import { documentTypeTemplate, type TemplateDefinition } from '@sec-an/contracts/search-index';
import {
  certificateDocumentType,
  tlsCipherDocumentType,
  tlsComplianceDocumentType,
  tlsEndpointDocumentType,
  tlsProtocolDocumentType,
} from './ssl-document-types.ts';

/** Every document type the TLS parser emits, one per key of a result's `documents`. */
export const sslDocumentTypes = [
  tlsEndpointDocumentType,
  tlsProtocolDocumentType,
  tlsCipherDocumentType,
  certificateDocumentType,
  tlsComplianceDocumentType,
] as const;

/** The index templates ssl-scanner provisions (dynamic: strict, so an unmapped field is refused, not guessed). */
export const sslTemplates: readonly TemplateDefinition[] = sslDocumentTypes.map(documentTypeTemplate);
