/** The task whose raw lake and results these are; with a document type it names the analytics indices. */
export const tlsTask = 'ssl-scanner';

/**
 * Stamped into every raw object, so a parser knows which scanner recorded it. Raise it with every change of what
 * the scanner measures or records.
 */
export const scannerVersion = '1.0.0';
