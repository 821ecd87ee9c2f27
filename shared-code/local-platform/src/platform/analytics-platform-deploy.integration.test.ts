import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readParameter } from '@sec-an/runtime/parameters';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { backendsEnvironment } from '../backends/index.ts';
import { type DeployResult, deployPlatform } from './deploy.ts';

const analytics = (thing: string, attribute: string) =>
  readParameter({ project: 'analytics-platform', thing, attribute }, { maxAgeSeconds: 0 });

const node = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${testBackends().openSearchEndpoint}${path}`);
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
};

describe('deploying analytics-platform to the local backends', () => {
  useCleanBackends();
  let deployed: DeployResult | undefined;
  const result = (): DeployResult => {
    if (deployed === undefined) throw new Error('the platform was not deployed');
    return deployed;
  };

  beforeAll(async () => {
    const environment = backendsEnvironment(testBackends());
    deployed = await deployPlatform({
      instance: process.env.SEC_AN_TEST_INSTANCE ?? 'test',
      environment,
      compute: {
        stateDir: mkdtempSync(join(tmpdir(), 'sec-an-analytics-')),
        environment: { ...environment, POWERTOOLS_LOG_LEVEL: 'WARN' },
      },
    });
  }, 240_000);

  afterAll(async () => {
    await deployed?.compute.stop();
  });

  it("provisions the platform's templates into the node through the deploy-time invocation of the setup function", async () => {
    const { index_templates } = await node<{ index_templates: { name: string }[] }>('/_index_template');
    expect(index_templates.map(({ name }) => name)).toEqual(
      expect.arrayContaining(['changes', 'scan-subjects', 'dead-letters']),
    );
    const { component_templates } = await node<{ component_templates: { name: string }[] }>(
      '/_component_template/sec-an-document-metadata',
    );
    expect(component_templates.map(({ name }) => name)).toEqual(['sec-an-document-metadata']);
  });

  it('runs the role mappings, then the templates and dashboards, and says what the local node cannot take', () => {
    const runs = result()
      .invocations.filter(({ address }) => address.startsWith('analytics-platform/'))
      .map(({ address, functionName, result: report }) => ({ address, functionName, report }));
    expect(runs).toEqual([
      {
        address: expect.stringMatching(/^analytics-platform\/search-access\/aws_lambda_invocation\./),
        functionName: 'sec-an-local-analytics-platform-search-setup',
        report: expect.objectContaining({
          roleMappings: {
            status: 'skipped',
            reason: 'the engine has no security plugin (SEC_AN_OPENSEARCH_AUTH=none)',
          },
        }),
      },
      {
        address: expect.stringMatching(/^analytics-platform\/search-content\/aws_lambda_invocation\./),
        functionName: 'sec-an-local-analytics-platform-search-setup',
        report: expect.objectContaining({
          templates: expect.objectContaining({
            indexTemplates: ['changes', 'scan-subjects', 'dead-letters'],
          }),
          savedObjects: expect.objectContaining({ status: 'skipped', count: expect.any(Number) }),
        }),
      },
    ]);
  });

  it('publishes the endpoint of the local node and the ingest queue', async () => {
    expect(await analytics('search-domain', 'endpoint')).toBe(
      `https://${new URL(testBackends().openSearchEndpoint).host}`,
    );
    const ingestQueue = result().deployment.queues.find(({ queueName }) =>
      queueName.endsWith('-analytics-platform-ingest-queue'),
    );
    expect(await analytics('ingest-queue', 'url')).toBe(ingestQueue?.queueUrl);
    expect(await analytics('ingest-queue', 'arn')).toBe(ingestQueue?.queueArn);
    expect(await analytics('search-setup', 'function-arn')).toMatch(
      /:function:sec-an-local-analytics-platform-search-setup$/,
    );
  });
});
