import { searchStore } from '@sec-an/runtime/opensearch';
import { SetupError } from '../../errors/index.ts';
import {
  isTlsScannerDeployed,
  requestScans,
  resultsReport,
  type ScanRequest,
  waitForResults,
} from '../../on-demand-scan/index.ts';
import { parseArguments, positiveInteger } from '../arguments.ts';
import type { Command } from '../command.ts';
import { say } from '../output.ts';
import { backendOptions, backendOptionsUsage, targetBackendsOf, useBackends } from '../target-backends.ts';
import { UsageError } from '../usage-error.ts';

const defaultTimeoutSeconds = 900;

export const scanUsage = `usage: ./sec-an scan <target...> [--wait] [--timeout <seconds>] [--aws --stage <stage>]

Asks for an on-demand scan of each target now, outside the day plan. A target is an IP address or a DNS name; a
name stands for its addresses in the DNS inventory (task-execution's tables), else as DNS resolves it here.
Every address is checked against the stage's scan scope, with the names it is known by, exactly as the planner
and the scanners check it: an address out of scope is refused with the reason, and nothing is sent for it. Each
address in scope gets one scan-request (origin on-demand) on the scan-request topic; its request id is printed.

  --wait               wait until each address's scans are all in OpenSearch (nmap's host summary, every open
                       port it counts, and, where ssl-scanner is deployed, its scans of every TLS port), then
                       print per address: status, open ports and services, the TLS grade and best Mozilla
                       profile of each TLS port without SNI and per name
  --timeout <seconds>  how long --wait waits (default ${defaultTimeoutSeconds})
${backendOptionsUsage}
  --help               this text

Exit code: 0 when every target was requested (and, with --wait, answered), 1 when one was refused or its results
did not come in time, 2 for wrong arguments.`;

export interface ScanArguments {
  readonly targets: readonly string[];
  /** Without --wait, the command returns once the requests are published. */
  readonly waitSeconds?: number;
  readonly backends: ReturnType<typeof targetBackendsOf>;
}

/** The command's options; a mistake is a UsageError. */
export const parseScanArguments = (
  args: readonly string[],
  environment: NodeJS.ProcessEnv = process.env,
): ScanArguments => {
  const { values, positionals } = parseArguments(
    args,
    { wait: { type: 'boolean' }, timeout: { type: 'string' }, ...backendOptions },
    { name: 'target', min: 1, max: Number.POSITIVE_INFINITY },
  );
  if (values.timeout !== undefined && values.wait !== true) {
    throw new UsageError('--timeout goes with --wait');
  }
  return {
    targets: positionals,
    ...(values.wait === true
      ? {
          waitSeconds:
            values.timeout === undefined ? defaultTimeoutSeconds : positiveInteger('timeout', values.timeout),
        }
      : {}),
    backends: targetBackendsOf(values, environment),
  };
};

const announce = (requests: readonly ScanRequest[]): void => {
  for (const request of requests) {
    const names = request.target.hosts.length === 0 ? '' : ` (${request.target.hosts.join(', ')})`;
    say(`requested ${request.target.address}${names}  request ${request.requestId}`);
  }
};

const awaitResults = async (requests: readonly ScanRequest[], seconds: number): Promise<number> => {
  const tlsScannerDeployed = await isTlsScannerDeployed();
  say(
    `waiting   for the results in OpenSearch, up to ${seconds} s ` +
      (tlsScannerDeployed ? "(nmap's, and the TLS scanner's of every TLS port)" : "(nmap's; no TLS scanner)"),
  );
  let reported = -1;
  const outcome = await waitForResults(
    await searchStore(),
    requests.map(({ requestId }) => requestId),
    {
      timeoutMs: seconds * 1000,
      tlsScannerDeployed,
      onProgress: (done, total) => {
        if (done !== reported) say(`results   ${done}/${total} requests answered`);
        reported = done;
      },
    },
  );
  say();
  for (const line of resultsReport(requests, outcome.documents)) say(line);
  for (const { requestId, waitingFor } of outcome.missing) {
    console.error(`unfinished request ${requestId}: still waiting for ${waitingFor}`);
  }
  return outcome.missing.length;
};

export const scanCommand: Command = {
  name: 'scan',
  summary: 'ask for an on-demand scan of addresses or names, scope-checked; --wait prints the results',
  usage: scanUsage,
  run: async (args) => {
    const options = parseScanArguments(args);
    useBackends(options.backends);
    const { refused, requests } = await requestScans(options.targets, new Date());
    for (const target of refused) {
      console.error(
        `refused   ${target.address} (from ${target.from.join(', ')}): out of scope, ${target.verdict.reason}; nothing sent`,
      );
    }
    announce(requests);
    const unanswered =
      options.waitSeconds === undefined || requests.length === 0
        ? 0
        : await awaitResults(requests, options.waitSeconds);
    if (refused.length > 0) {
      throw new SetupError(
        `${refused.length} of ${refused.length + requests.length} address(es) out of scope were not requested`,
        'widen the scan scope (see docs/runbooks/scan-scope.md) if they should be scanned',
      );
    }
    if (unanswered > 0) {
      throw new SetupError(
        `${unanswered} request(s) had no results within ${options.waitSeconds} s`,
        '`./sec-an status` shows the queues and the last handler errors',
      );
    }
  },
};
