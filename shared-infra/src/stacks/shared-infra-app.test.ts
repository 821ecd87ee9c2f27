import { describe, expect, it } from '@jest/globals';
import { type IConstruct, Testing } from '@sec-an/constructs/cdktf';
import { onlyResourceOf, synthesize } from '@sec-an/constructs/testing';
import { testDeployment } from '../testing/synthesized.ts';
import { buildSharedInfra } from './shared-infra-app.ts';
import { sharedInfraSettingsFrom } from './shared-infra-settings.ts';

const build = (environment: Record<string, string> = {}) =>
  buildSharedInfra(Testing.app(), testDeployment, sharedInfraSettingsFrom(environment));

describe('buildSharedInfra', () => {
  it('builds the five stacks of shared-infra', () => {
    const stacks = build();
    expect(Object.values(stacks).map((stack) => [stack.node.id, stack.naming.project])).toEqual([
      ['keys', 'shared-infra'],
      ['network', 'shared-infra'],
      ['identity', 'shared-infra'],
      ['api', 'shared-infra'],
      ['dead-letters', 'shared-infra'],
    ]);
  });

  it('deploys each stack after the stacks whose parameters it reads', () => {
    const stacks = build();
    const dependencies = Object.fromEntries(
      Object.values(stacks).map((stack) => [
        stack.node.id,
        stack.dependencies.map((dependency: IConstruct) => dependency.node.id),
      ]),
    );
    expect(dependencies).toEqual({
      keys: [],
      network: ['keys'],
      identity: [],
      api: ['keys', 'identity'],
      'dead-letters': ['keys'],
    });
  });

  it('passes the environment settings to the stacks', () => {
    const stacks = build({ SEC_AN_NAT_GATEWAYS: 'single', SEC_AN_API_STAGE_NAME: 'live' });
    expect(stacks.network.natGateways).toHaveLength(1);
    expect(onlyResourceOf(synthesize(stacks.api), 'aws_api_gateway_stage').stage_name).toBe('live');
  });
});
