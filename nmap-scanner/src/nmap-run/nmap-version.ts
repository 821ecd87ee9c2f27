import { runNmapProcess } from './nmap-process.ts';
import { NmapFailedError } from './run-errors.ts';

/** nmap's version (`7.93`), asked before the scan: it also proves nmap can run at all. */
export const nmapVersion = async (nmapPath: string): Promise<string> => {
  const result = await runNmapProcess({ nmapPath, args: ['--version'], timeoutMs: 30_000 });
  const version = /^Nmap version (\S+)/m.exec(result.output)?.[1];
  if (result.exitCode !== 0 || version === undefined) {
    throw new NmapFailedError(result.exitCode, result.signal, `--version gave no version: ${result.output}`);
  }
  return version;
};
