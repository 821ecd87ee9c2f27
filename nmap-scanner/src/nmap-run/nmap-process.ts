import { spawn } from 'node:child_process';
import { NmapMissingError } from './run-errors.ts';

export interface NmapProcessResult {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  /** True when the runner stopped nmap at the overall timeout. */
  readonly timedOut: boolean;
  /** The end of nmap's standard output and error, for a failure's message. */
  readonly output: string;
}

export interface NmapProcessOptions {
  readonly nmapPath: string;
  readonly args: readonly string[];
  readonly timeoutMs: number;
  /** How long nmap has after SIGTERM before SIGKILL. */
  readonly killGraceMs?: number;
}

/** nmap with -v prints a line per event; only the end is worth keeping, and memory stays bounded. */
const maxOutputChars = 16_384;

const keepTail = (kept: string, chunk: Buffer): string => {
  const text = kept + chunk.toString('utf8');
  return text.length > maxOutputChars ? text.slice(-maxOutputChars) : text;
};

/**
 * Runs nmap with an argument vector (no shell) and stops it at the overall timeout: SIGTERM, then SIGKILL after a
 * grace period. What nmap wrote to its XML file stays where it is; the caller marks the scan incomplete.
 */
export const runNmapProcess = ({
  nmapPath,
  args,
  timeoutMs,
  killGraceMs = 5_000,
}: NmapProcessOptions): Promise<NmapProcessResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(nmapPath, args, { stdio: ['ignore', 'pipe', 'pipe'], shell: false });
    let output = '';
    let timedOut = false;
    let killer: NodeJS.Timeout | undefined;
    const stopper = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      killer = setTimeout(() => child.kill('SIGKILL'), killGraceMs);
    }, timeoutMs);
    const append = (chunk: Buffer) => {
      output = keepTail(output, chunk);
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(stopper);
      reject(
        error.code === 'ENOENT' || error.code === 'EACCES'
          ? new NmapMissingError(`nmap cannot be run from "${nmapPath}": ${error.message}`)
          : error,
      );
    });
    child.once('close', (exitCode, signal) => {
      clearTimeout(stopper);
      clearTimeout(killer);
      resolve({ exitCode, signal, timedOut, output });
    });
  });
