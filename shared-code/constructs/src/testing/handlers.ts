import { fileURLToPath } from 'node:url';

/** A real handler of the library, for tests that need a function to bundle. */
export const recorderEntry = fileURLToPath(new URL('../dead-letter-recorder/handler.ts', import.meta.url));
