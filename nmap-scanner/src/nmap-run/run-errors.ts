import { ConfigurationError, TransientError } from '@sec-an/runtime/errors';

/** No nmap where the runner looks for it: the image or the machine is broken, not the request. */
export class NmapMissingError extends ConfigurationError {}

/** nmap ran and failed (a non-zero exit before the overall timeout), with the end of what it printed. */
export class NmapFailedError extends TransientError {
  readonly exitCode: number | null;
  readonly output: string;

  constructor(exitCode: number | null, signal: string | null, output: string) {
    const how = exitCode === null ? `was killed by ${signal ?? 'a signal'}` : `exited with ${exitCode}`;
    super(`nmap ${how}: ${output.trim().split('\n').slice(-5).join(' | ')}`);
    this.exitCode = exitCode;
    this.output = output;
  }
}

/** The raw artefact could not be put in the lake (S3 refused or was unreachable); the scan is lost. */
export class RawStorageError extends TransientError {}
