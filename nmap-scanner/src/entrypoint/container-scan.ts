import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContractViolationError, parseMessage } from '@sec-an/contracts/contract';
import { scanRequestV1 } from '@sec-an/contracts/scan-request';
import { readScanScope } from '@sec-an/runtime/scan-scope';
import { readContainerRequest } from '@sec-an/task-execution/task-runtime';
import { exitCodeForArtefact, exitCodeForError, runScan } from '../nmap-run/index.ts';
import { readScanProfile } from '../scan-profile/index.ts';
import type { ScanRequest } from '../targets/index.ts';
import { type StoredRawScan, storeRawScan } from './store-raw-scan.ts';

export interface ContainerScanOptions {
  /** Default: the process's. */
  readonly environment?: NodeJS.ProcessEnv;
  /** Default: `nmap` on PATH. */
  readonly nmapPath?: string;
}

/** How a container run ended: its exit code and what it says about it. */
export type ContainerScanOutcome =
  | { readonly exitCode: number; readonly stored: StoredRawScan; readonly completion: string }
  | { readonly exitCode: number; readonly error: Error };

/** The request the launcher started this container for; a body naming another request is refused. */
const requestOf = async (
  environment: NodeJS.ProcessEnv,
): Promise<{ request: ScanRequest; bucket: string }> => {
  const container = await readContainerRequest(environment);
  const request = parseMessage(scanRequestV1, container.request);
  if (request.requestId !== container.requestId) {
    throw new ContractViolationError(
      `the container was started for request ${container.requestId}, but its request body is ${request.requestId}`,
    );
  }
  return { request, bucket: container.resultsBucket };
};

/**
 * One container run: the request from the environment, the scope and the profile from SSM (read now, so an
 * operator's change reaches the next scan), the scan, and the raw artefact in the lake. Every failure becomes
 * the exit code that names it (`exitCodes`); nothing is stored unless nmap ran to its end or to the timeout.
 */
export const scanFromContainer = async (
  options: ContainerScanOptions = {},
): Promise<ContainerScanOutcome> => {
  const environment = options.environment ?? process.env;
  const outputDir = await mkdtemp(join(tmpdir(), 'nmap-scan-'));
  try {
    const { request, bucket } = await requestOf(environment);
    const [scope, profile] = await Promise.all([readScanScope(), readScanProfile()]);
    const artefact = await runScan(request, profile, {
      outputDir,
      scope,
      ...(options.nmapPath === undefined ? {} : { nmapPath: options.nmapPath }),
    });
    const stored = await storeRawScan(artefact, bucket);
    return { exitCode: exitCodeForArtefact(artefact), stored, completion: artefact.metadata.completion };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return { exitCode: exitCodeForError(failure), error: failure };
  } finally {
    await rm(outputDir, { recursive: true, force: true });
  }
};
