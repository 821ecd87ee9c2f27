import { bundleEntrypoint } from './entrypoint-bundle.ts';

/** `node nmap-scanner/src/image/main.ts`: bundles the entrypoint into the image's build context. */
process.stdout.write(`entrypoint bundled into ${bundleEntrypoint()}\n`);
