/**
 * Stamped into every result, so a document says which parser made it and a re-ingestion with a better parser can
 * be told apart. Raise it with every change of what the parser emits, or of how the assessment judges.
 */
export const parserVersion = '1.0.0';
