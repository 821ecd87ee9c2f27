import { App } from '@sec-an/constructs/cdktf';
import { deploymentSettingsFrom } from '@sec-an/constructs/service-stack';
import { buildAnalyticsPlatform } from './analytics-app.ts';
import { analyticsPlatformSettingsFrom } from './analytics-platform-settings.ts';

// The output folder is left to cdktf (CDKTF_OUTDIR, else cdktf.json's `output`), as the local platform expects.
const app = new App();
buildAnalyticsPlatform(app, deploymentSettingsFrom(), analyticsPlatformSettingsFrom());
app.synth();
