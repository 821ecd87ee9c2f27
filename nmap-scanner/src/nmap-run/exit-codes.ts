import { ConfigurationError, ContractViolationError } from '@sec-an/runtime/errors';
import { RequestNotJsonError, TargetRejectedError } from '../targets/index.ts';
import type { RawScanArtefact } from './raw-artefact.ts';
import { NmapFailedError, NmapMissingError, RawStorageError } from './run-errors.ts';

/**
 * The scanner container's exit codes, from sysexits.h where one fits, so that ECS's stopped reason says what
 * happened without reading the logs:
 *
 * | code | meaning                                                                             |
 * | ---- | ----------------------------------------------------------------------------------- |
 * | 0    | scan complete, raw XML and metadata stored                                          |
 * | 75   | scan cut short at the overall timeout; what nmap wrote is stored, marked incomplete |
 * | 64   | the request is not JSON or breaks the scan-request contract; nothing scanned        |
 * | 65   | the target was refused (invalid, hostile or out of scope); nmap never started       |
 * | 69   | nmap is missing or cannot be run                                                    |
 * | 70   | nmap failed on its own (non-zero exit before the timeout); nothing stored           |
 * | 74   | the raw artefact could not be stored                                                |
 * | 78   | configuration missing or invalid (the scan profile, the scope); nothing scanned     |
 * | 1    | anything else (a bug)                                                               |
 */
export const exitCodes = {
  complete: 0,
  incomplete: 75,
  requestInvalid: 64,
  targetRejected: 65,
  nmapMissing: 69,
  nmapFailed: 70,
  storageFailed: 74,
  configuration: 78,
  unexpected: 1,
} as const;

export const exitCodeForArtefact = (artefact: RawScanArtefact): number =>
  artefact.metadata.completion === 'complete' ? exitCodes.complete : exitCodes.incomplete;

export const exitCodeForError = (error: unknown): number => {
  if (error instanceof RequestNotJsonError || error instanceof ContractViolationError) {
    return exitCodes.requestInvalid;
  }
  if (error instanceof TargetRejectedError) return exitCodes.targetRejected;
  if (error instanceof NmapMissingError) return exitCodes.nmapMissing;
  if (error instanceof NmapFailedError) return exitCodes.nmapFailed;
  if (error instanceof RawStorageError) return exitCodes.storageFailed;
  if (error instanceof ConfigurationError) return exitCodes.configuration;
  return exitCodes.unexpected;
};
