import { describe, expect, it } from '@jest/globals';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';

describe('local backends', () => {
  useCleanBackends();

  it('serves a real OpenSearch 2.19 node', async () => {
    const info = (await (await fetch(testBackends().openSearchEndpoint)).json()) as {
      version: { number: string };
    };
    expect(info.version.number).toMatch(/^2\.19\./);
  });
});
