import { backendsStatus, localBackendsConfig } from '../../backends/index.ts';
import { say } from '../output.ts';

export const statusCommand = {
  name: 'status',
  summary: 'show whether the backends run, and where',
  run: async (): Promise<void> => {
    const status = backendsStatus(localBackendsConfig().instance);
    if (status === undefined) {
      say('not running; `./sec-an up` starts the backends');
      return;
    }
    say(`started ${status.state.startedAt}`);
    say(`moto        ${status.state.motoEndpoint}`);
    say(`OpenSearch  ${status.state.openSearchEndpoint}`);
    for (const process of status.processes) {
      say(`${process.name.padEnd(11)} pid ${process.pid} ${process.alive ? 'running' : 'NOT RUNNING'}`);
    }
  },
};
