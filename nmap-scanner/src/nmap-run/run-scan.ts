import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScanScope } from '@sec-an/runtime/scan-scope';
import type { ScanProfile } from '../scan-profile/index.ts';
import { type ScanRequest, validateScanTarget } from '../targets/index.ts';
import { buildNmapArguments } from './nmap-arguments.ts';
import { runNmapProcess } from './nmap-process.ts';
import { nmapVersion } from './nmap-version.ts';
import { type RawScanArtefact, writeRawArtefact } from './raw-artefact.ts';
import type { RawScanMetadata } from './raw-metadata.ts';
import { NmapFailedError } from './run-errors.ts';

export interface RunScanOptions {
  /** An empty folder of the runner's own for nmap's XML and the artefact. */
  readonly outputDir: string;
  /** The scope now; the target is checked against it again before nmap starts. */
  readonly scope: ScanScope;
  /** Default: `nmap` on PATH. */
  readonly nmapPath?: string;
  readonly now?: () => Date;
}

/** nmap writes its XML header at once; a file still missing at the timeout is kept as an empty one. */
const ensureFile = async (path: string): Promise<void> => {
  await (await open(path, 'a')).close();
};

/**
 * Scans one request's target with a profile and produces the raw artefact. The target is validated and checked
 * against the scope before nmap is even asked for its version, so a refused target never starts nmap. At the
 * overall timeout nmap is stopped and what it wrote is kept, marked incomplete; nmap failing on its own is a
 * NmapFailedError (nothing is stored as if it were a scan).
 */
export const runScan = async (
  request: ScanRequest,
  profile: ScanProfile,
  options: RunScanOptions,
): Promise<RawScanArtefact> => {
  const target = validateScanTarget(request.target, options.scope);
  const nmapPath = options.nmapPath ?? 'nmap';
  const now = options.now ?? (() => new Date());
  const version = await nmapVersion(nmapPath);
  await mkdir(options.outputDir, { recursive: true });
  const xmlPath = join(options.outputDir, 'nmap.xml');
  const args = buildNmapArguments({ targets: [target], profile, xmlPath });
  const startedAt = now();
  const run = await runNmapProcess({ nmapPath, args, timeoutMs: profile.overallTimeoutSeconds * 1000 });
  const endedAt = now();
  if (!run.timedOut && run.exitCode !== 0) throw new NmapFailedError(run.exitCode, run.signal, run.output);
  await ensureFile(xmlPath);
  const metadata: RawScanMetadata = {
    format: 'nmap-raw-scan',
    version: 1,
    requestId: request.requestId,
    targets: [target].map(({ address, addressType, hosts }) => ({ address, addressType, hosts: [...hosts] })),
    profile,
    nmap: { version, arguments: args },
    startedAt: startedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    completion: run.timedOut ? 'incomplete' : 'complete',
    ...(run.timedOut ? { incompleteReason: `overall-timeout after ${profile.overallTimeoutSeconds} s` } : {}),
    exitCode: run.exitCode,
    signal: run.signal,
  };
  return writeRawArtefact(options.outputDir, xmlPath, metadata);
};
