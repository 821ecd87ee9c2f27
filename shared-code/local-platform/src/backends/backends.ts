import { resetMoto, resetOpenSearch } from '@sec-an/testing/reset';
import { type RunningMoto, startMoto } from '../moto/index.ts';
import { type RunningOpenSearch, startOpenSearch } from '../opensearch/index.ts';
import { instanceDir } from '../paths/index.ts';
import { isRunning, type ProcessRecord, stopProcess } from '../processes/index.ts';
import type { BackendsConfig } from './config.ts';
import { type BackendsState, clearState, readState, writeState } from './state-file.ts';

export interface StartupTimes {
  readonly motoMs: number;
  readonly openSearchMs: number;
}

export interface RunningBackends extends BackendsState {
  readonly startup: StartupTimes;
}

const timed = async <T>(start: () => Promise<T>): Promise<[T, number]> => {
  const began = performance.now();
  const result = await start();
  return [result, Math.round(performance.now() - began)];
};

const stopAll = async (records: readonly ProcessRecord[]): Promise<void> => {
  await Promise.all(records.filter(isRunning).map((record) => stopProcess(record)));
};

/** Stops what an earlier run of this instance left behind (a killed test run, a forgotten `up`). */
export const stopBackends = async (instance: string): Promise<boolean> => {
  const state = readState(instance);
  if (state === undefined) return false;
  await stopAll(state.processes);
  clearState(instance);
  return true;
};

const settled = <T>(result: PromiseSettledResult<[T, number]>): [T, number] | undefined =>
  result.status === 'fulfilled' ? result.value : undefined;

/**
 * Starts moto and OpenSearch side by side and waits for both. When either fails, the other is stopped too and
 * the first failure is raised: a failed start leaves no process behind.
 */
export const startBackends = async (config: BackendsConfig): Promise<RunningBackends> => {
  await stopBackends(config.instance);
  const stateDir = instanceDir(config.instance);
  const [moto, openSearch] = await Promise.allSettled([
    timed(() => startMoto({ port: config.motoPort, stateDir, readyTimeoutMs: config.readyTimeoutMs })),
    timed(() =>
      startOpenSearch({
        httpPort: config.openSearchHttpPort,
        transportPort: config.openSearchTransportPort,
        stateDir,
        readyTimeoutMs: config.readyTimeoutMs,
        fresh: config.fresh,
      }),
    ),
  ]);
  const started: [RunningMoto, number] | undefined = settled(moto);
  const startedSearch: [RunningOpenSearch, number] | undefined = settled(openSearch);
  if (started === undefined || startedSearch === undefined) {
    await stopAll([started?.[0].process, startedSearch?.[0].process].filter((p) => p !== undefined));
    throw moto.status === 'rejected' ? moto.reason : (openSearch as PromiseRejectedResult).reason;
  }
  const state: BackendsState = {
    motoEndpoint: started[0].endpoint,
    openSearchEndpoint: startedSearch[0].endpoint,
    processes: [started[0].process, startedSearch[0].process],
    startedAt: new Date().toISOString(),
  };
  writeState(config.instance, state);
  return { ...state, startup: { motoMs: started[1], openSearchMs: startedSearch[1] } };
};

/** Empties both backends, so each test suite starts from nothing. */
export const resetBackends = async (state: Pick<BackendsState, 'motoEndpoint' | 'openSearchEndpoint'>) => {
  await Promise.all([resetMoto(state.motoEndpoint), resetOpenSearch(state.openSearchEndpoint)]);
};

export interface BackendStatus {
  readonly name: string;
  readonly pid: number;
  readonly alive: boolean;
}

export const backendsStatus = (
  instance: string,
): { state: BackendsState; processes: BackendStatus[] } | undefined => {
  const state = readState(instance);
  if (state === undefined) return undefined;
  return {
    state,
    processes: state.processes.map((record) => ({
      name: record.name,
      pid: record.pid,
      alive: isRunning(record),
    })),
  };
};
