import { App } from '@sec-an/constructs/cdktf';
import { deploymentSettingsFrom } from '@sec-an/constructs/service-stack';
import { sslSavedObjects } from '../saved-objects/index.ts';
import { buildSslScanner } from './ssl-scanner-app.ts';
import { sslScannerSettingsFrom } from './ssl-scanner-settings.ts';

// The output folder is left to cdktf (CDKTF_OUTDIR, else cdktf.json's `output`), as the local platform expects.
const app = new App();
buildSslScanner(app, deploymentSettingsFrom(), sslScannerSettingsFrom(), sslSavedObjects());
app.synth();
