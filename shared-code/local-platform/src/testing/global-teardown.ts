import { stopBackends, testInstance } from '../backends/index.ts';

export default async function globalTeardown(): Promise<void> {
  await stopBackends(testInstance());
}
