import { fileURLToPath } from 'node:url';
import { loadSavedObjects, type SavedObject } from '@sec-an/analytics-platform/dashboards';

/**
 * ssl-scanner's project folder, whose `dashboards/` holds its saved objects. Resolved from this module's place in
 * the sources: for synthesis and tests, not inside a bundle.
 */
export const sslScannerDirectory = fileURLToPath(new URL('../..', import.meta.url));

/** ssl-scanner's dashboards, as the files hold them (none until the folder has some). */
export const sslSavedObjects = (): SavedObject[] => loadSavedObjects(sslScannerDirectory);
