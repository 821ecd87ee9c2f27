import { scanFromContainer } from './container-scan.ts';

/**
 * The nmap task's container: scans the request it was started for, stores the raw artefact and exits with a
 * code that says how it went (see `exitCodes`), one line on its output saying the same for the logs.
 */
const outcome = await scanFromContainer({
  ...(process.env.SEC_AN_NMAP_PATH === undefined ? {} : { nmapPath: process.env.SEC_AN_NMAP_PATH }),
});
if ('error' in outcome) {
  console.error(
    JSON.stringify({ exitCode: outcome.exitCode, error: outcome.error.name, message: outcome.error.message }),
  );
} else {
  process.stdout.write(
    `${JSON.stringify({ exitCode: outcome.exitCode, completion: outcome.completion, ...outcome.stored })}\n`,
  );
}
process.exitCode = outcome.exitCode;
