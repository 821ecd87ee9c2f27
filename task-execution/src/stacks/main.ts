import { App } from '@sec-an/constructs/cdktf';
import { deploymentSettingsFrom } from '@sec-an/constructs/service-stack';
import { buildTaskExecution } from './task-execution-app.ts';
import { taskExecutionSettingsFrom } from './task-execution-settings.ts';

// The output folder is left to cdktf (CDKTF_OUTDIR, else cdktf.json's `output`), as the local platform expects.
const app = new App();
buildTaskExecution(app, deploymentSettingsFrom(), taskExecutionSettingsFrom());
app.synth();
