import { stopBackends } from '../backends/index.ts';
import { stopRunner } from '../platform/index.ts';
import { say } from './output.ts';

/**
 * Ctrl-C while a command brings the platform up: the runner and the backends were started detached (so they
 * outlive a command that succeeds), so they are stopped here rather than left running half set up.
 */
export const stopPlatformOnInterrupt = (instance: string): void => {
  process.once('SIGINT', () => {
    say('\ninterrupted: stopping the platform and the backends');
    void stopRunner(instance)
      .then(() => stopBackends(instance))
      .finally(() => process.exit(130));
  });
};
