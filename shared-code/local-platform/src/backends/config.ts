import { findFreePort } from '../ports/index.ts';

export interface BackendsConfig {
  /** Names the state folder, so the command line's backends and the test suite's never share state. */
  readonly instance: string;
  readonly motoPort: number;
  readonly openSearchHttpPort: number;
  readonly openSearchTransportPort: number;
  readonly readyTimeoutMs: number;
  /** Start OpenSearch with empty data. */
  readonly fresh: boolean;
}

const numberFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
};

const readyTimeoutMs = (): number => numberFromEnv('SEC_AN_READY_TIMEOUT_SECONDS', 180) * 1000;

/** The command line's backends: fixed, well-known ports that users and their tools can point at. */
export const localBackendsConfig = (): BackendsConfig => ({
  instance: process.env.SEC_AN_INSTANCE ?? 'local',
  motoPort: numberFromEnv('SEC_AN_MOTO_PORT', 4566),
  openSearchHttpPort: numberFromEnv('SEC_AN_OPENSEARCH_PORT', 9200),
  openSearchTransportPort: numberFromEnv('SEC_AN_OPENSEARCH_TRANSPORT_PORT', 9300),
  readyTimeoutMs: readyTimeoutMs(),
  fresh: false,
});

/** Separate instance names let several test runs share a machine (SEC_AN_TEST_INSTANCE). */
export const testInstance = (): string => process.env.SEC_AN_TEST_INSTANCE ?? 'test';

/** The test suite's backends: free ports, so a developer's running platform does not get in the way. */
export const testBackendsConfig = async (): Promise<BackendsConfig> => ({
  instance: testInstance(),
  motoPort: await findFreePort(),
  openSearchHttpPort: await findFreePort(),
  openSearchTransportPort: await findFreePort(),
  readyTimeoutMs: readyTimeoutMs(),
  fresh: true,
});
