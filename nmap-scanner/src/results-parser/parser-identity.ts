/** The task whose results these are; with a document type it names the analytics indices. */
export const nmapTask = 'nmap-scanner';

/**
 * Stamped into every result, so a document says which parser made it and a re-ingestion with a better parser
 * can be told apart. Raise it with every change of what the parser emits.
 */
export const parserVersion = '1.0.0';
