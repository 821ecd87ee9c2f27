import { App } from '@sec-an/constructs/cdktf';
import { deploymentSettingsFrom } from '@sec-an/constructs/service-stack';
import { buildSharedInfra } from './shared-infra-app.ts';
import { sharedInfraSettingsFrom } from './shared-infra-settings.ts';

// The output folder is left to cdktf (CDKTF_OUTDIR, else cdktf.json's `output`), as the local platform expects.
const app = new App();
buildSharedInfra(app, deploymentSettingsFrom(), sharedInfraSettingsFrom());
app.synth();
