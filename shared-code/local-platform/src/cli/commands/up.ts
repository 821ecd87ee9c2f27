import { localBackendsConfig, type RunningBackends, startBackends } from '../../backends/index.ts';
import { setupLocalPlatform } from '../../setup/index.ts';
import { say, seconds } from '../output.ts';

export const describeStartup = (backends: RunningBackends): void => {
  say(`moto        ${backends.motoEndpoint}  ready in ${seconds(backends.startup.motoMs)}`);
  say(`OpenSearch  ${backends.openSearchEndpoint}  ready in ${seconds(backends.startup.openSearchMs)}`);
};

export const upCommand = {
  name: 'up',
  summary: 'start moto and OpenSearch on loopback and leave them running (stop with `down`)',
  run: async (): Promise<void> => {
    await setupLocalPlatform();
    const backends = await startBackends(localBackendsConfig());
    describeStartup(backends);
    say('running; `./sec-an down` stops them');
  },
};
