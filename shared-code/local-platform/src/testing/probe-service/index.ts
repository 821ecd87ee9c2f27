import { fileURLToPath } from 'node:url';

/** The probe service's folder, for `deployPlatform`'s extra projects. */
export const probeServiceDirectory = fileURLToPath(new URL('.', import.meta.url));
