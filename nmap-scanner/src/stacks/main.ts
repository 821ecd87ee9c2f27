import { App } from '@sec-an/constructs/cdktf';
import { deploymentSettingsFrom } from '@sec-an/constructs/service-stack';
import { nmapSavedObjects } from '../saved-objects/index.ts';
import { buildNmapScanner } from './nmap-scanner-app.ts';
import { nmapScannerSettingsFrom } from './nmap-scanner-settings.ts';

// The output folder is left to cdktf (CDKTF_OUTDIR, else cdktf.json's `output`), as the local platform expects.
const app = new App();
buildNmapScanner(app, deploymentSettingsFrom(), nmapScannerSettingsFrom(), nmapSavedObjects());
app.synth();
