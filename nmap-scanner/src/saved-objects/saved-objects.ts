import { fileURLToPath } from 'node:url';
import { loadSavedObjects, type SavedObject } from '@sec-an/analytics-platform/dashboards';

/**
 * nmap-scanner's project folder, whose `dashboards/` holds its saved objects. Resolved from this module's place
 * in the sources: for synthesis and tests, not inside a bundle.
 */
export const nmapScannerDirectory = fileURLToPath(new URL('../..', import.meta.url));

/** nmap-scanner's dashboards, as the files hold them. */
export const nmapSavedObjects = (): SavedObject[] => loadSavedObjects(nmapScannerDirectory);
