import { documentMetadataTemplate, type TemplateDefinition } from '@sec-an/contracts/search-index';
import { changeTemplate } from './change-template.ts';
import { deadLetterTemplate } from './dead-letter-template.ts';
import { subjectTemplate } from './subject-template.ts';

/** The templates analytics-platform provisions itself; every task's document types compose the first. */
export const platformTemplates: readonly TemplateDefinition[] = [
  documentMetadataTemplate,
  changeTemplate,
  subjectTemplate,
  deadLetterTemplate,
];
