import { App } from '@sec-an/constructs/cdktf';
import { deploymentSettingsFrom } from '@sec-an/constructs/service-stack';
import { ProbeStack } from './probe-stack.ts';

const app = new App();
new ProbeStack(app, 'probe', deploymentSettingsFrom());
app.synth();
