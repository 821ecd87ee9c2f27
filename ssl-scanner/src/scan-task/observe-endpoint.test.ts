import { describe, expect, it } from '@jest/globals';
import type { Endpoint } from '../handshake/index.ts';
import type { EndpointScan, EndpointScanOptions } from '../probe/index.ts';
import { observeEndpoint } from './observe-endpoint.ts';
import { defaultScanSettings } from './scan-settings.ts';

const endpoint = { address: '192.0.2.10', port: 443 };

/** Records what each scan was asked and how many ran at once; each takes a few milliseconds. */
const recordingScan = () => {
  const calls: EndpointScanOptions[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const scan = async (target: Endpoint, options: EndpointScanOptions): Promise<EndpointScan> => {
    calls.push(options);
    running += 1;
    mostAtOnce = Math.max(mostAtOnce, running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    running -= 1;
    return {
      endpoint: target,
      ...(options.serverName === undefined ? {} : { serverName: options.serverName }),
      status: 'refused',
      protocols: [],
      certificates: [],
      elapsedMs: 1,
    };
  };
  return { scan, calls, mostAtOnce: () => mostAtOnce };
};

describe('observeEndpoint', () => {
  it('scans without SNI first, then once per name, a bounded number at once, with the scan settings', async () => {
    const recording = recordingScan();
    const scans = await observeEndpoint(endpoint, ['a.example', 'b.example', 'c.example'], {
      settings: defaultScanSettings,
      deadline: Date.now() + 600_000,
      scan: recording.scan,
    });
    expect(scans.map((scan) => scan.serverName)).toEqual([undefined, 'a.example', 'b.example', 'c.example']);
    expect(recording.mostAtOnce()).toBe(defaultScanSettings.scansAtOnce);
    expect(recording.calls[0]).toEqual({
      totalBudgetMs: defaultScanSettings.scanBudgetMs,
      connectionTimeoutMs: defaultScanSettings.connectionTimeoutMs,
      concurrency: defaultScanSettings.connectionsPerScan,
    });
  });

  it('gives each scan no more than what is left before the deadline, and none once it has passed', async () => {
    const recording = recordingScan();
    let clock = 1_000_000;
    const deadline = clock + 20_000;
    await observeEndpoint(endpoint, ['a.example', 'b.example'], {
      settings: { ...defaultScanSettings, scansAtOnce: 1 },
      deadline,
      now: () => {
        const now = clock;
        clock += 15_000;
        return now;
      },
      scan: recording.scan,
    });
    expect(recording.calls.map((call) => call.totalBudgetMs)).toEqual([20_000, 5_000, 0]);
  });
});
