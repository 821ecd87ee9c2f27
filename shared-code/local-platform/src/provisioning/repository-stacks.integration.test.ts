import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { useCleanBackends } from '@sec-an/testing/backends';
import { allStacks, deployableProjects, synthesizeAll } from '../synth/index.ts';
import { provision, type StackProgress } from './provision.ts';

useCleanBackends();

describe("provisioning the repository's own stacks", () => {
  it('applies every synthesized stack of the first project, publishing its parameters in moto', async () => {
    const [firstProject] = deployableProjects();
    const report = await synthesizeAll({
      ...(firstProject === undefined ? {} : { projects: [firstProject] }),
      outdir: mkdtempSync(join(tmpdir(), 'sec-an-provisioned-')),
      environment: { SEC_AN_STAGE: 'provisioning-test' },
    });
    const stacks = allStacks(report);
    const progress: StackProgress[] = [];

    const { resources } = await provision(stacks, { onStack: (stack) => progress.push(stack) });

    expect(progress.map(({ stack }) => stack).sort()).toEqual(stacks.map(({ stack }) => stack).sort());
    const published = Object.entries(resources).filter(
      ([, resource]) => resource.type === 'aws_ssm_parameter',
    );
    for (const [address, resource] of published.filter(([address]) => !address.includes('/data.'))) {
      const { Parameter } = await awsClient(SSMClient).send(
        new GetParameterCommand({ Name: String(resource.attributes.name) }),
      );
      expect([address, Parameter?.Value]).toEqual([address, resource.attributes.value]);
      expect(Parameter?.Value).not.toBe('');
    }
  }, 180_000);
});
