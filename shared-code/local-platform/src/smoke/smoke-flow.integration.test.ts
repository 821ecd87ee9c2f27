import { describe, expect, it } from '@jest/globals';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { runSmokeFlow } from './index.ts';

describe('the smoke flow of the main job', () => {
  useCleanBackends();

  it('fans scan requests out through the filter policy and indexes what the handler consumed', async () => {
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    process.env.POWERTOOLS_METRICS_DISABLED = 'true';
    const report = await runSmokeFlow(testBackends().openSearchEndpoint);
    expect(report).toEqual({
      parameter: '/sec-an/local/task-execution/scan-request-topic/arn',
      published: 8,
      delivered: { unfiltered: 8, onDemandOnly: 2 },
      indexed: 8,
      indexedByOrigin: { plan: 6, 'on-demand': 2 },
    });
  }, 60_000);
});
