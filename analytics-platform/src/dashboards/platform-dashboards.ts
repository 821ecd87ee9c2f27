import { fileURLToPath } from 'node:url';

/**
 * analytics-platform's own project folder, whose `dashboards/` holds the platform dashboards. Resolved from this
 * module's place in the sources: for synthesis, provisioning from the sources and tests, not inside a bundle.
 */
export const analyticsPlatformDirectory = fileURLToPath(new URL('../..', import.meta.url));
