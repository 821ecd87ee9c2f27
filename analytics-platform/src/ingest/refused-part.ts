import type { ScanResult } from '@sec-an/contracts/scan-result';
import type { RefusedDocument } from './ingest.ts';

/**
 * The message a refused document is dead-lettered as: its result with only that document, partial so that
 * redriving it (once the template or the parser is fixed) writes it without removing anything else.
 */
export const refusedPart = (result: ScanResult, refused: RefusedDocument): ScanResult => ({
  ...result,
  coverage: 'partial',
  documents: { [refused.type]: [refused.document] },
});
