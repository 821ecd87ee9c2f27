import { localBackendsConfig, stopBackends } from '../../backends/index.ts';
import { stopRunner } from '../../platform/index.ts';
import { say } from '../output.ts';

export const downCommand = {
  name: 'down',
  summary: 'stop the platform and the backends that `up` started',
  run: async (): Promise<void> => {
    const { instance } = localBackendsConfig();
    const runner = await stopRunner(instance);
    const backends = await stopBackends(instance);
    say(runner || backends ? 'stopped the platform, moto and OpenSearch' : 'nothing was running');
  },
};
