import { localBackendsConfig, stopBackends } from '../../backends/index.ts';
import { say } from '../output.ts';

export const downCommand = {
  name: 'down',
  summary: 'stop the backends that `up` started',
  run: async (): Promise<void> => {
    const stopped = await stopBackends(localBackendsConfig().instance);
    say(stopped ? 'stopped moto and OpenSearch' : 'nothing was running');
  },
};
